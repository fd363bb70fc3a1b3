#pragma once
// What a command function prints to std::cout, for tests of `mann` subcommands called in-process.
#include <iostream>
#include <sstream>
#include <string>

namespace mann::testing {

struct CapturedRun {
  int code = -1;       // the function's return value
  std::string output;  // everything it wrote to std::cout
};

// Calls run() with std::cout redirected into a string; restores std::cout even when run() throws.
template <class Run>
CapturedRun capture_stdout(Run&& run) {
  std::ostringstream captured;
  std::streambuf* old = std::cout.rdbuf(captured.rdbuf());
  CapturedRun out;
  try {
    out.code = run();
  } catch (...) {
    std::cout.rdbuf(old);
    throw;
  }
  std::cout.rdbuf(old);
  out.output = captured.str();
  return out;
}

}  // namespace mann::testing
