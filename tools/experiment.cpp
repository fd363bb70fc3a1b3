#include "tools/experiment.h"

#include <cctype>
#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "datasets/register_datasets.h"
#include "framework/components/addressing_components.h"
#include "framework/components/spec_helpers.h"
#include "framework/components/training_components.h"
#include "framework/config/defaults.h"
#include "framework/config/duration.h"
#include "framework/config/experiment.h"
#include "framework/config/override.h"
#include "framework/config/suggest.h"
#include "framework/train/schedule.h"
#include "framework/util/strings.h"
#include "models/register_models.h"
#include "tools/key_paths.h"

namespace mann {
namespace {

// The evaluation seed when eval.seed is not given: the same for every training seed (it is the one seed 1
// always had, so earlier numbers of seed-1 runs still hold).
constexpr uint64_t kSharedEvalSeed = 1u * 1000003u + 17u;

const ComponentSpec& train_spec() {
  static const ComponentSpec spec{
      "section",
      "train",
      "How the model is trained (the `train:` section of an experiment).",
      {option("steps", "duration", 1000,
              "training length: optimizer steps (`2900`) or epochs (`100 epochs`)"),
       option("batch", "int", 16, "examples per step"),
       option("optimizer", "component:optimizer", std::string("{type: adam}"),
              "the optimizer and its options"),
       option("schedule", "component:schedule", std::string("{type: constant}"), "learning-rate schedule"),
       option("clip_norm", "float", 0.0, "clip the global gradient norm to this (0: off)").in(at_least(0)),
       option("clip_value", "float", 0.0, "clip each gradient entry to +-this (0: off)").in(at_least(0)),
       option("log_every", "duration", 100,
              "steps (or `N epochs`) between progress reports and metrics rows"),
       option("eval_every", "duration", 500,
              "steps (or `N epochs`) between evaluations (0: only at the end)"),
       option("checkpoint_every", "duration", 500,
              "steps (or `N epochs`) between `last` checkpoints (0: only at the end)"),
       option("steps_per_epoch", "int", 0,
              "what an epoch is for generated data (0: none, schedules count steps); datasets of examples "
              "(bAbI) know their own")
           .in(at_least(0)),
       option("best_metric", "string", std::string(""),
              "the evaluation metric that picks best.h5 and drives early stopping, as the model reports it "
              "(`error`) or as metrics.csv names it (`valid_error`); '': the model's first"),
       choice_option("best_mode", "min", {"min", "max"},
                     "whether best_metric is best low (error, loss) or high (accuracy)"),
       option("min_delta", "float", 0.0, "an evaluation improves on the best only by more than this")
           .in(at_least(0)),
       option("early_stop_patience", "int", 0,
              "stop after this many evaluations without improvement (0: never); the last checkpoint is kept")
           .in(at_least(0)),
       option(
           "keep_checkpoints", "int", 0,
           "also keep the newest N checkpoints as checkpoints/step-<step>.h5 (0: only last.h5 and best.h5)")
           .in(at_least(0)),
       option(
           "init_from", "string", std::string(""),
           "warm start: a checkpoint or run directory (its best.h5) whose parameters of the same names are "
           "loaded before step 0, e.g. a soft-attention run for its hard-attention variant")}};
  return spec;
}

const ComponentSpec& eval_spec() {
  static const ComponentSpec spec{
      "section",
      "eval",
      "How the model is evaluated (the `eval:` section).",
      {option("split", "string", std::string("valid"),
              "split evaluated during training, whose metric picks the best checkpoint: valid (test and "
              "train select on data that should stay unseen)")
           .one_of({"valid", "test", "train"}),
       option("batch", "int", 64, "examples per evaluation batch"),
       option("batches", "int", 4, "evaluation batches drawn from generated datasets"),
       option("beam_size", "int", 1, "beam width of sequence decoding (seq2seq; 1: greedy)"),
       option("seed", "int", -1,
              "seed of the generated validation and test data (-1: one fixed seed for every run, so runs of "
              "different seeds are tested on the same examples)"),
       option("solved_below", "float", 0.05,
              "a run counts as having solved the task once its primary (first, lower-is-better) evaluation "
              "metric is below this; used by `mann compare`")
           .in(at_least(0))}};
  return spec;
}

const ComponentSpec& output_spec() {
  static const ComponentSpec spec{
      "section",
      "output",
      "Where the run writes (the `output:` section).",
      {option("dir", "string", std::string("runs/{name}"), "run directory; {name} is the experiment name")}};
  return spec;
}

Registry make_registry() {
  Registry r;
  register_training_components(r);
  register_addressing_components(r);
  register_datasets(r);
  register_models(r);
  r.add_spec(experiment_spec());  // the top-level keys, for `mann list`
  r.add_spec(train_spec());
  r.add_spec(eval_spec());
  r.add_spec(output_spec());
  return r;
}

// The section map, or an empty map when the file leaves it out (so defaults apply).
ConfigNode section(const ConfigNode& root, const char* key) {
  const ConfigNode* node = root.find(key);
  if (node && !node->is_null()) return *node;
  ConfigNode empty = ConfigNode::map(root.pos());
  empty.set_path(key);
  return empty;
}

// The name becomes a directory (output.dir is runs/{name} by default) and a word in logs: one plain path
// component, so that no name writes a run outside runs/ or garbles a terminal.
void check_run_name(const ConfigNode& root) {
  const ConfigNode* name = root.find("name");
  if (!name || !name->is_scalar()) return;  // absent: the default; not text: validate() reports it
  const std::string& text = name->text();
  if (text.empty() || text == "." || text == "..")
    name->fail("must name a directory, got " + name->describe());
  constexpr size_t kMaxNameBytes = 255;  // of one directory name (NAME_MAX) on Linux file systems
  if (text.size() > kMaxNameBytes)
    name->fail("is " + std::to_string(text.size()) + " bytes long; a directory name may have at most " +
               std::to_string(kMaxNameBytes));
  for (const char c : text) {
    if (c == '/' || c == '\\')
      name->fail("must not contain `" + std::string(1, c) + "`: the name is one directory under output.dir");
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) name->fail("must not contain control characters");
  }
}

// An unknown key whose map has no near option may be one level off (`train.lr` for `train.optimizer.lr`):
// the same error with the nearest key path of the whole config as its suggestion.
ConfigError with_key_path_suggestion(const ConfigError& e, const ConfigNode& root) {
  if (!e.suggestion().empty() || !e.problem().starts_with("unknown key")) return e;
  const std::string nearest = nearest_key_path(e.key_path(), known_key_paths(root, builtin_registry()));
  return nearest.empty() ? e : ConfigError(e.pos(), e.key_path(), e.problem(), nearest);
}

// The model and dataset, train, eval and output are checked independently, so one run of `mann train`
// reports a mistake in each of them (within one of them, the first).
void validate_all(const ConfigNode& root) {
  const Registry& r = builtin_registry();
  const std::vector<std::function<void()>> checks = {
      [&] {
        validate_experiment(root, r);
        check_run_name(root);
      },
      [&] { validate(section(root, "train"), train_spec(), r); },
      [&] { validate(section(root, "eval"), eval_spec(), r); },
      [&] { validate(section(root, "output"), output_spec(), r); }};
  std::vector<ConfigError> errors;
  for (const std::function<void()>& check : checks) {
    try {
      check();
    } catch (const ConfigError& e) {
      errors.push_back(with_key_path_suggestion(e, root));
    }
    if (!root.is_map()) break;  // the sections cannot be told apart
  }
  if (errors.size() == 1) throw errors.front();
  if (!errors.empty()) {
    std::string all = std::to_string(errors.size()) + " mistakes in the experiment:";
    for (const ConfigError& e : errors) all += std::string("\n  ") + e.what();
    throw UserError(all);
  }
}

// Every option with its effective value: the experiment's own, its sections' and every component's
// defaults written in (a validated root only).
void fill_all_defaults(ConfigNode& root) {
  const Registry& r = builtin_registry();
  fill_defaults(root, experiment_spec(), r);
  fill_defaults(*root.find("train"), train_spec(), r);
  fill_defaults(*root.find("eval"), eval_spec(), r);
  fill_defaults(*root.find("output"), output_spec(), r);
}

// A `duration` option in optimizer steps; an epoch count needs a dataset that has epochs.
int64_t steps_of(const ConfigView& train, const char* key, int64_t steps_per_epoch) {
  const Duration d = parse_duration(train.value(key));
  if (!d.epochs) return d.count;
  if (steps_per_epoch <= 0)
    train.fail(key,
               "counts epochs, but this dataset has none (generated data): give steps, or say what an "
               "epoch is with train.steps_per_epoch");
  return d.count * steps_per_epoch;
}

std::string expand_name(std::string pattern, const std::string& name) {
  const std::string token = "{name}";
  for (size_t at = pattern.find(token); at != std::string::npos; at = pattern.find(token))
    pattern.replace(at, token.size(), name);
  return pattern;
}

// `key=value` of an override, safe as part of a directory name.
std::string run_name_part(const std::string& override_text) {
  const size_t equals = override_text.find('=');
  const std::string path = override_text.substr(0, equals);
  const std::string key = path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
  std::string value;
  for (char ch : equals == std::string::npos ? std::string() : override_text.substr(equals + 1)) {
    const bool plain = std::isalnum(static_cast<unsigned char>(ch)) ||
                       std::string_view(".,+-").find(ch) != std::string_view::npos;
    if (plain)
      value += ch;
    else if (!value.empty() && value.back() != '_' && value.back() != ',')  // "{a: 1, b: 2}" -> "a_1,b_2"
      value += '_';
  }
  while (!value.empty() && value.back() == '_') value.pop_back();
  return key + "=" + value;
}

// train.best_metric, checked against what the model reports (with or without the split's prefix).
std::string checked_best_metric(const ConfigView& train, const Learner& learner, const std::string& split) {
  const std::string wanted = train.get<std::string>("best_metric");
  if (wanted.empty()) return wanted;
  const std::vector<std::string> names = learner.eval_metric_names();
  std::vector<std::string> columns;
  for (const std::string& name : names) {
    if (wanted == name || wanted == split + "_" + name) return wanted;
    columns.push_back(split + "_" + name);
  }
  const std::string nearest = nearest_match(wanted, wanted.starts_with(split + "_") ? columns : names);
  train.fail("best_metric", "the model reports no metric `" + wanted + "` (it reports " + join(names, ", ") +
                                ")" + (nearest.empty() ? "" : "; did you mean `" + nearest + "`?"));
}

// Overrides that change what is logged, kept or where it goes, not what is learned.
bool names_the_run(const std::string& override_text) {
  for (const char* quiet :
       {"output.", "train.log_every=", "train.checkpoint_every=", "train.keep_checkpoints="})
    if (override_text.starts_with(quiet)) return false;
  return true;
}

}  // namespace

void record_data_dir(ConfigNode& config, const std::string& data_dir) {
  if (data_dir.empty()) return;
  const ConfigNode& dataset = config.at("dataset");
  const ComponentSpec* spec = builtin_registry().find("dataset", dataset.at("type").as<std::string>());
  if (!spec || !spec->find_option("data_dir")) return;
  std::string quoted = "'";  // a YAML single-quoted scalar: any path, quotes doubled
  for (char ch : std::filesystem::absolute(data_dir).lexically_normal().string())
    quoted += ch == '\'' ? std::string("''") : std::string(1, ch);
  apply_override(config, "dataset.data_dir=" + quoted + "'");
}

std::string default_run_dir(const Experiment& experiment, const std::vector<std::string>& overrides) {
  std::string name = experiment.name;
  for (const std::string& o : overrides)
    if (names_the_run(o)) name += "-" + run_name_part(o);
  return expand_name(experiment.config.at("output").at("dir").as<std::string>(), name);
}

const Registry& builtin_registry() {
  static const Registry registry = make_registry();
  return registry;
}

ConfigNode load_and_validate(const std::string& path, const std::vector<std::string>& overrides) {
  ConfigNode root = load_experiment(path, overrides);
  validate_all(root);
  fill_all_defaults(root);
  return root;
}

ConfigNode parse_stored_config(const std::string& yaml_text, const std::string& label) {
  ConfigNode root = load_config_string(yaml_text, label);
  validate_all(root);
  fill_all_defaults(root);
  return root;
}

ConfigNode parse_stored_config(const std::string& yaml_text, const std::string& label,
                               const std::vector<std::string>& overrides) {
  ConfigNode root = load_config_string(yaml_text, label);
  for (const auto& s : overrides) apply_override(root, s);
  return parse_stored_config(to_yaml(root), label);
}

Experiment build_experiment(const ConfigNode& config, const BuildOptions& options) {
  const Registry& r = builtin_registry();
  Experiment e;
  e.config = config;
  // Through the spec, so that a file without `seed:` or `name:` gets their defaults.
  const ConfigView top(config, experiment_spec(), &r);
  e.name = top.get<std::string>("name");
  e.seed = static_cast<uint64_t>(top.get<int64_t>("seed"));

  const ConfigNode train_node = section(config, "train");
  const ConfigNode eval_node = section(config, "eval");
  const ConfigNode output_node = section(config, "output");
  const ConfigView train(train_node, train_spec(), &r);
  const ConfigView eval(eval_node, eval_spec(), &r);
  const ConfigView output(output_node, output_spec(), &r);
  // Before the data is loaded: an epoch count is positive in steps too.
  if (parse_duration(train.value("steps")).count <= 0) train.fail("steps", "must be positive");
  if (train.get<int>("batch") <= 0) train.fail("batch", "must be positive");
  for (const char* key : {"batch", "batches", "beam_size"})
    if (eval.get<int>(key) <= 0) eval.fail(key, "must be positive");

  const int64_t eval_seed = eval.get<int64_t>("seed");
  e.trainer.eval_seed = eval_seed >= 0 ? static_cast<uint64_t>(eval_seed) : kSharedEvalSeed;

  DatasetContext data_context{options.data_dir, e.seed};
  ModelContext model_context;
  model_context.dataset = r.create<Dataset, DatasetContext>("dataset", config.at("dataset"), data_context);
  model_context.seed = e.seed;
  model_context.eval_seed = e.trainer.eval_seed;
  model_context.batches = {train.get<int>("batch"), eval.get<int>("batch"), eval.get<int>("batches"),
                           eval.get<int>("beam_size")};
  e.learner = r.create<Learner, ModelContext>("model", config.at("model"), model_context);

  OptimizerContext optimizer_context;
  const ConfigView optimizer_view = train.child("optimizer");
  e.optimizer = r.create<Optimizer, OptimizerContext>(optimizer_view, optimizer_context);

  TrainerOptions& t = e.trainer;
  t.model_name = "model " + config.at("model").at("type").as<std::string>();
  const int64_t learner_epoch = e.learner->data_plan().steps_per_epoch;
  t.steps_per_epoch = learner_epoch > 0 ? learner_epoch : train.get<int64_t>("steps_per_epoch");
  t.steps = steps_of(train, "steps", t.steps_per_epoch);
  // In what the schedule counts (epochs where there are epochs, else steps), as the trainer asks it.
  const int64_t run_length = schedule_counter(t.steps - 1, t.steps_per_epoch) + 1;
  ScheduleContext schedule_context{optimizer_view.get<float>("lr"), run_length};
  e.schedule = r.create<Schedule, ScheduleContext>(train.child("schedule"), schedule_context);
  t.log_every = steps_of(train, "log_every", t.steps_per_epoch);
  t.eval_every = steps_of(train, "eval_every", t.steps_per_epoch);
  t.checkpoint_every = steps_of(train, "checkpoint_every", t.steps_per_epoch);
  t.clip_norm = train.get<double>("clip_norm");
  t.clip_value = train.get<double>("clip_value");
  t.eval_split = eval.get<std::string>("split");
  t.best_metric = checked_best_metric(train, *e.learner, t.eval_split);
  t.best_higher = train.get<std::string>("best_mode") == "max";
  t.min_delta = train.get<double>("min_delta");
  t.early_stop_patience = train.get<int64_t>("early_stop_patience");
  e.keep_checkpoints = train.get<int>("keep_checkpoints");
  e.solved_below = eval.get<double>("solved_below");
  e.init_from = train.get<std::string>("init_from");
  e.output_dir = expand_name(output.get<std::string>("dir"), e.name);
  return e;
}

}  // namespace mann
