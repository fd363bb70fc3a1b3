// `mann bench ntm|memn2n|ram|captioner`: dispatches to the benchmark named by the first argument.
#include "tools/bench.h"
#include "tools/cli_support.h"

#include <iostream>

namespace mann {

int bench_command(const Args& args) {
  const char* usage =
      "usage: mann bench ntm|memn2n|ram|captioner [options]   (`mann bench ntm --help` lists the options)";
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << usage << "\n";
    if (args.empty()) throw po::error("name a benchmark: ntm, memn2n, ram or captioner");
    return kOk;
  }
  const Args rest(args.begin() + 1, args.end());
  if (args[0] == "ntm") return bench_ntm(rest);
  if (args[0] == "memn2n") return bench_memn2n(rest);
  if (args[0] == "ram") return bench_ram(rest);
  if (args[0] == "captioner") return bench_captioner(rest);
  throw po::error("unknown benchmark `" + args[0] + "` (ntm, memn2n, ram or captioner)");
}

}  // namespace mann
