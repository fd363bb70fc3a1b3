// The progress line a run prints: step/total, the epoch where the data has epochs, metrics, rate and ETA.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "framework/train/progress.h"

using namespace mann;

TEST_SUITE_BEGIN("train");

namespace {

// Everything `fill` writes through a plain (not live) reporter.
template <class Fill>
std::string printed(Fill fill) {
  std::FILE* f = std::tmpfile();
  REQUIRE(f != nullptr);
  ProgressReporter reporter(f, 0);
  fill(reporter);
  std::rewind(f);
  std::string text;
  for (int c = std::fgetc(f); c != EOF; c = std::fgetc(f)) text.push_back(static_cast<char>(c));
  std::fclose(f);
  return text;
}

}  // namespace

TEST_CASE("progress lines: step of total, completed epochs of the run's epochs, metrics") {
  const std::string with_epochs = printed([](ProgressReporter& r) {
    r.start(0, 2900, 29);
    r.report(58, {{"loss", 1.5}});
    r.report(2900, {{"loss", 0.25}}, true);
  });
  CHECK(with_epochs.starts_with("step 58/2900 (epoch 2/100)  loss 1.5  "));
  CHECK(with_epochs.find("\nstep 2900/2900 (epoch 100/100)  loss 0.25  ") != std::string::npos);

  // A run whose last epoch is partial counts it; generated data (no epochs) shows none.
  CHECK(printed([](ProgressReporter& r) {
          r.start(0, 100, 30);
          r.report(31, {});
        }).starts_with("step 31/100 (epoch 1/3.3)  "));
  const std::string steps_only = printed([](ProgressReporter& r) {
    r.start(10, 20);
    r.report(15, {{"error", 0.5}});
  });
  CHECK(steps_only.starts_with("step 15/20  error 0.5  "));
  CHECK(steps_only.find("ETA") != std::string::npos);
}

TEST_CASE("a switch metric reads on/off; the epoch total matches the run's header") {
  const std::string line = printed([](ProgressReporter& r) {
    r.start(0, 160, 30);
    r.report(150, {{"loss", 0.5}, {"linear_start", 1}});
  });
  CHECK_MESSAGE(line.starts_with("step 150/160 (epoch 5/5.3)  loss 0.5  linear start: on  "), line);
  CHECK(printed([](ProgressReporter& r) {
          r.start(0, 10);
          r.report(5, {{"linear_start", 0}});
        }).starts_with("step 5/10  linear start: off  "));
  CHECK(format_epochs(2900, 29) == "100");
  CHECK(format_epochs(160, 30) == "5.3");
}

TEST_CASE("evaluation metrics: numbered families get a compact, wrapped line each") {
  Metrics metrics = {{"error", 0.25}, {"loss", 1.5}, {"hop1_support", 0.5}};
  for (int task = 1; task <= 20; ++task)
    metrics.emplace_back("task" + std::to_string(task) + "_error", 0.125);
  const std::string text = format_eval_metrics(metrics);
  // Too few hops to be a family: they stay on the main line; the 20 task errors do not.
  CHECK_MESSAGE(text.starts_with(" error 0.25 loss 1.5 hop1_support 0.5\n  taskN_error  1:0.125 2:0.125"),
                text);
  CHECK(text.find("20:0.125") != std::string::npos);
  CHECK(text.find("task3_error") == std::string::npos);
  size_t longest = 0, start = 0;
  for (size_t end = text.find('\n'); start <= text.size(); end = text.find('\n', start)) {
    longest = std::max(longest, (end == std::string::npos ? text.size() : end) - start);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  CHECK(longest <= 100);
  CHECK(format_eval_metrics({{"bit_errors", 2}, {"bits", 3}}) == " bit_errors 2 bits 3");
}

TEST_CASE("format_duration: minutes and seconds, then hours and minutes") {
  CHECK(format_duration(59.6) == "1m00s");
  CHECK(format_duration(3599) == "59m59s");
  CHECK(format_duration(3 * 3600 + 7 * 60) == "3h07m");
  CHECK(format_duration(-1) == "?");
}

TEST_SUITE_END();
