// `mann`: train experiments, evaluate and inspect checkpoints, list components.
#include <iostream>
#include <map>
#include <new>

#include "framework/autodiff/errors.h"
#include "framework/config/suggest.h"
#include "framework/distributed/world.h"
#include "tools/cli_support.h"
#include "tools/commands.h"
#include "tools/parent_watch.h"

namespace {

const char* kMainUsage = R"(usage: mann <command> [options]

commands:
  train CONFIG [--set key=value]... [--out DIR] [--resume RUN_OR_CKPT] [--threads N] [--data-dir DIR]
                     train an experiment file
  eval CHECKPOINT [--split train|valid|test] [--last] [--json] [--set key=value]... [--data-dir DIR]
                     evaluate a checkpoint (or a run directory's best checkpoint)
  inspect CHECKPOINT [--tensor NAME] [--config] [--metrics]
                     show what a checkpoint holds
  attention CHECKPOINT [--example I] [--split test] [--out FILE.svg|.png] [--h5 FILE.h5] [--set key=value]...
                     draw the model's attention on one example as heatmaps
  list [SECTION [NAME]]
                     the registered components with their options, defaults and descriptions
  bench ntm|memn2n|ram [--batch B] [--task T] [--size S] [--threads N] [--steps S | --epochs E]
                     training throughput under a reference recipe
  compare EXP.yaml... [--seeds N] [--jobs J] [--out DIR] [--set key=value]...
                     train experiments over seeds and report metrics, solve rates and learning curves
  lengths CHECKPOINT... [--min 5] [--max 60] [--step 5] [--out curve.csv] [--plot curve.svg|.png]
                     evaluate checkpoints at each input length: table, CSV and one curve per checkpoint
  sweep EXP.yaml [--seeds N] [--jobs J] [--out DIR] [--set key=value]...
                     train every point of the file's `sweep:` grid of overrides and report like compare
  curves RUN... [--metric NAME] [--x examples|step|epoch] [--log-y] [--out curves.svg|.png]
                     draw runs' learning curves from their metrics.csv, one line per run
  runs [DIR...] [--depth N]
                     list run directories: what they train, step, best validation, recorded test metric
  data preview DATASET [--variant V] [--set key=value]... [--split S] [--count N] [--out FILE.png|.svg]
                     draw examples of an image dataset as a model sees them, with their class names

Under `mpirun -np N mann ...` (or srun): train runs data-parallel, compare and sweep spread their runs.

`mann <command> --help` describes a command; `mann --version` prints the version.)";

// A command that throws on one rank of several would leave the others waiting in a collective: end them all.
int failed_on_this_rank(int exit_code) {
  if (mann::distributed::world().size() > 1) mann::distributed::abort_world(exit_code);
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace mann;
  die_with_parent_if_asked();
  // MPI is initialised only under an MPI launcher (mpirun, srun); a plain `mann` runs as one process.
  const distributed::WorldSession world_session(argc, argv);
  const std::map<std::string, int (*)(const Args&)> commands = {
      {"train", train_command},         {"eval", eval_command},       {"inspect", inspect_command},
      {"list", list_command},           {"bench", bench_command},     {"compare", compare_command},
      {"attention", attention_command}, {"lengths", lengths_command}, {"sweep", sweep_command},
      {"curves", curves_command},       {"runs", runs_command},       {"data", data_command}};
  if (argc < 2) {
    std::cerr << kMainUsage << "\n";
    return kUsage;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    std::cout << kMainUsage << "\n";
    return kOk;
  }
  if (name == "--version") {
    std::cout << "mann " << MANN_VERSION << "\n";
    return kOk;
  }
  const auto command = commands.find(name);
  if (command == commands.end()) {
    std::vector<std::string> names;
    for (const auto& entry : commands) names.push_back(entry.first);
    const std::string nearest = nearest_match(name, names);
    std::cerr << "mann: unknown command `" << name << "`"
              << (nearest.empty() ? "" : "; did you mean `" + nearest + "`?") << "\n\n"
              << kMainUsage << "\n";
    return kUsage;
  }
  const Args args(argv + 2, argv + argc);
  try {
    return command->second(args);
  } catch (const po::error& e) {
    std::cerr << "mann " << name << ": " << e.what() << " (see `mann " << name << " --help`)\n";
    return kUsage;
  } catch (const std::bad_alloc&) {
    std::cerr << "mann " << name << ": error: out of memory; make the model or batch smaller, or run where "
              << "more memory is available\n";
    return failed_on_this_rank(kFailed);
  } catch (const UserError& e) {
    std::cerr << "mann " << name << ": error: " << e.what() << "\n";
    return failed_on_this_rank(kFailed);
  } catch (const std::exception& e) {
    std::cerr << "mann " << name << ": internal error: " << e.what() << "\n";
    return failed_on_this_rank(kFailed);
  }
}
