// The RL-NTM tasks: each task's target for a known input tape, sampled tapes and their one-hot encoding.
#include <doctest/doctest.h>

#include <vector>

#include "datasets/rl_tapes/symbol_tape_task.h"
#include "framework/autodiff/errors.h"

using namespace mann;

TEST_SUITE_BEGIN("rl_ntm");

namespace {

SymbolTapeTask task_of(TapeTaskKind kind, int alphabet = 10) {
  SymbolTapeTaskOptions o;
  o.kind = kind;
  o.alphabet = alphabet;
  o.max_length = 6;
  return SymbolTapeTask(o);
}

}  // namespace

TEST_CASE("rl_ntm tasks: the target of each task for a known input tape") {
  const int E = 10;  // the end marker of a 10-symbol alphabet
  CHECK(task_of(TapeTaskKind::Copy).target_for({3, 1, 4}) == std::vector<int>{3, 1, 4, E});
  CHECK(task_of(TapeTaskKind::DuplicatedInput).target_for({3, 3, 3, 1, 1, 1, 4, 4, 4}) ==
        std::vector<int>{3, 1, 4, E});
  CHECK(task_of(TapeTaskKind::Reverse).target_for({3, 1, 4}) == std::vector<int>{4, 1, 3, E});
  CHECK(task_of(TapeTaskKind::ForwardReverse).target_for({3, 1, 4}) == std::vector<int>{4, 1, 3, E});
  CHECK(task_of(TapeTaskKind::RepeatCopy).target_for({2, 5, 6}) == std::vector<int>{5, 6, 5, 6, E});
  CHECK(task_of(TapeTaskKind::ForwardReverse).forward_only_input());
  CHECK_FALSE(task_of(TapeTaskKind::Reverse).forward_only_input());
  CHECK(task_of(TapeTaskKind::Reverse).name() == "rl_reverse");
}

TEST_CASE("rl_ntm tasks: sampled tapes have the drawn lengths, symbols of the alphabet and their targets") {
  for (const auto& entry : EnumNames<TapeTaskKind>::entries) {
    CAPTURE(entry.name);
    const SymbolTapeTask task = task_of(entry.value, 7);
    Rng rng(3);
    const std::vector<int> lengths = {1, 4, 6};
    const SymbolTapes tapes = task.sample_tapes(lengths, rng);
    REQUIRE(tapes.batch() == 3);
    CHECK(tapes.lengths == lengths);
    for (int b = 0; b < 3; ++b) {
      const std::vector<int>& in = tapes.inputs[b];
      const size_t expected_input = entry.value == TapeTaskKind::DuplicatedInput ? 3 * lengths[b]
                                    : entry.value == TapeTaskKind::RepeatCopy    ? lengths[b] + 1
                                                                                 : lengths[b];
      CHECK(in.size() == expected_input);
      for (int s : in) CHECK((s >= 0 && s < 7));
      CHECK(tapes.targets[b] == task.target_for(in));
      CHECK(tapes.targets[b].back() == task.end_marker());
    }
    // The same seed gives the same tapes.
    Rng again(3);
    CHECK(task.sample_tapes(lengths, again).inputs == tapes.inputs);
  }
}

TEST_CASE("rl_ntm tasks: the one-hot encoding the soft models read") {
  const SymbolTapeTask task = task_of(TapeTaskKind::Reverse, 5);
  SymbolTapes tapes;
  tapes.inputs = {{2, 0}, {4}};
  tapes.targets = {task.target_for({2, 0}), task.target_for({4})};
  tapes.lengths = {2, 1};
  const SequenceBatch sb = task.encode_as_sequence(tapes);
  REQUIRE(sb.time_steps() == 2 + 1 + 3);
  CHECK(sb.steps == std::vector<int>{6, 4});
  CHECK(sb.inputs[0](0, 2) == 1.f);
  CHECK(sb.inputs[1](0, 0) == 1.f);
  CHECK(sb.inputs[2](0, 5) == 1.f);  // the delimiter
  CHECK(sb.inputs[1](1, 5) == 1.f);
  // Example 0 must answer 0 2 E on steps 3..5; example 1 answers 4 E on steps 2..3.
  CHECK(sb.targets[3](0, 0) == 1.f);
  CHECK(sb.targets[4](0, 2) == 1.f);
  CHECK(sb.targets[5](0, 5) == 1.f);
  CHECK(sb.targets[2](1, 4) == 1.f);
  CHECK(sb.targets[3](1, 5) == 1.f);
  CHECK(sb.masks[2](0, 0) == 0.f);
  CHECK(sb.masks[3](0, 0) == 1.f);
  CHECK(sb.masks[4](1, 0) == 0.f);
  CHECK(sb.inputs[0].cols() == task.input_width());
  CHECK(sb.targets[0].cols() == task.output_width());
}

TEST_CASE("rl_ntm tasks: options out of range are refused") {
  SymbolTapeTaskOptions o;
  o.alphabet = 1;
  CHECK_THROWS_AS(SymbolTapeTask{o}, UserError);
  o.alphabet = 4;
  o.kind = TapeTaskKind::RepeatCopy;
  o.max_repeats = 4;
  CHECK_THROWS_AS(SymbolTapeTask{o}, UserError);
}

TEST_SUITE_END();
