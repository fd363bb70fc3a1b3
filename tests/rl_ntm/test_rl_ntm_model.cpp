// The RL-NTM model: a gradient check of its differentiable part (the symbols and the memory written), the
// REINFORCE bookkeeping of a training episode, the curriculum's mixture and raises.
#include <doctest/doctest.h>

#include <cmath>

#include "framework/autodiff/gradcheck.h"
#include "framework/autodiff/ops.h"
#include "models/rl_ntm/rl_ntm_model.h"
#include "models/rl_ntm/tape_curriculum.h"

using namespace mann;

TEST_SUITE_BEGIN("rl_ntm");

namespace {

SymbolTapes small_tapes(const SymbolTapeTask& task) {
  Rng rng(5);
  return task.sample_tapes({3, 2}, rng);
}

SymbolTapeTask small_task(TapeTaskKind kind) {
  SymbolTapeTaskOptions o;
  o.kind = kind;
  o.alphabet = 4;
  o.max_length = 4;
  return SymbolTapeTask(o);
}

RlNtmOptions small_options(RlControllerKind controller) {
  RlNtmOptions o;
  o.controller = controller;
  o.hidden = 5;
  o.memory_width = 3;
  return o;
}

}  // namespace

TEST_CASE("rl_ntm gradient check: symbols, controller and memory writes, moves held fixed") {
  struct Case {
    RlControllerKind controller;
    int window;       // input_window and memory_window
    int memory_move;  // 0: -1, 1: stay, 2: +1
    bool state_to_output = true;
    bool direct_gates = false;
  };
  // With windows the memory head walks forward, so the cell left of it holds an earlier write; the last
  // case answers from the tapes alone, through the gates, its memory head still so that it reads back what
  // it wrote.
  for (const Case c :
       {Case{RlControllerKind::Lstm, 0, 1}, Case{RlControllerKind::Direct, 0, 1},
        Case{RlControllerKind::Direct, 1, 2}, Case{RlControllerKind::Direct, 0, 1, false, true}}) {
    CAPTURE(enum_name(c.controller));
    CAPTURE(c.window);
    CAPTURE(c.direct_gates);
    const SymbolTapeTask task = small_task(TapeTaskKind::Reverse);
    ParameterCollection params(1);
    Rng init(2);
    RlNtmOptions options = small_options(c.controller);
    options.input_window = options.memory_window = c.window;
    options.state_to_output = c.state_to_output;
    options.direct_gates = c.direct_gates;
    RlNtmModel model(params.scope("model"), task.output_width(), options, init);
    // Greedy moves decided by large biases (write every step, the input head forward, the memory head as
    // the case says), so the episode's path cannot change under the finite differences and the loss is
    // smooth in the rest.
    params.at("model/write/b").value = Matrix{{-20.f, 20.f}};
    params.at("model/input_move/b").value = Matrix{{-20.f, -20.f, 20.f}};
    Matrix memory_move = Matrix::Constant(1, 3, -20.f);
    memory_move(0, c.memory_move) = 20.f;
    params.at("model/memory_move/b").value = memory_move;
    const SymbolTapes tapes = small_tapes(task);
    std::vector<Parameter*> checked;
    for (Parameter* p : model.parameters())
      if (p->name.find("_move/") == std::string::npos && p->name.find("write/") == std::string::npos &&
          p->name.find("baseline/") == std::string::npos)
        checked.push_back(p);
    const GradCheckResult r = gradient_check_params(
        [&](Tape& tape) {
          AddressingContext ctx{false, nullptr, 0, nullptr, nullptr};
          const RlNtmEpisode ep = model.run(tape, tapes, ctx);
          CHECK(ep.errors.size() == 2);
          return ep.symbol_loss;
        },
        checked);
    CHECK_MESSAGE(r.ok, r.describe());
  }
}

TEST_CASE("rl_ntm training episode: every action owed and logged, rewards credited to the steps before") {
  const SymbolTapeTask task = small_task(TapeTaskKind::Copy);
  ParameterCollection params(1);
  Rng init(3);
  RlNtmModel model(params.scope("model"), task.output_width(), small_options(RlControllerKind::Direct), init);
  const SymbolTapes tapes = small_tapes(task);
  Tape tape;
  Rng rng(4);
  PolicyLog policy;
  AddressingContext ctx{true, &rng, 0, nullptr, &policy};
  const RlNtmEpisode ep = model.run(tape, tapes, ctx);
  const size_t steps = ep.step_entries.size();
  REQUIRE(steps > 0);
  CHECK(policy.entries.size() == 3 * steps);  // input move, memory move, write-or-not
  RlNtmModel::credit_rewards(ep, policy);
  // The first step is credited every reward of the episode, the last one only its own.
  const Matrix& first = policy.entries[static_cast<size_t>(ep.step_entries.front()[0])].credited_reward;
  CHECK(first.isApprox(ep.total_reward));
  const Matrix& last = policy.entries[static_cast<size_t>(ep.step_entries.back()[0])].credited_reward;
  CHECK(last.isApprox(ep.step_rewards.col(static_cast<Index>(steps - 1))));
  // One baseline per step, on its first entry.
  CHECK(policy.entries[0].baseline == model.baseline());
  CHECK(policy.entries[1].baseline == nullptr);
  CHECK(policy.entries[1].baseline_value.valid());
  // Its value head, which the learner clips on its own.
  const std::vector<Parameter*> baseline = model.baseline_parameters();
  REQUIRE(baseline.size() == 2);
  CHECK(baseline[0]->name == "model/baseline/W");
  CHECK(baseline[0]->value.rows() == 5 + 2);  // the state, the symbols still due and the steps left
  CHECK(ep.error_rate() >= 0.0);
  CHECK(ep.error_rate() <= 1.0);
}

namespace {

// A direct-access model whose written symbol is the one under the input head (the direct connection
// alone, scaled up) and whose actions are fixed by large biases: input move (0: -1, 1: stay, 2: +1),
// memory move likewise, write (0: silent, 1: write).
RlNtmModel scripted_model(ParameterCollection& params, const SymbolTapeTask& task, int input_move,
                          int memory_move, int write,
                          RlNtmOptions o = small_options(RlControllerKind::Direct)) {
  Rng init(6);
  RlNtmModel model(params.scope("model"), task.output_width(), o, init);
  const auto bias = [](int actions, int chosen) {
    Matrix b = Matrix::Constant(1, actions, -20.f);
    b(0, chosen) = 20.f;
    return b;
  };
  params.at("model/input_move/b").value = bias(3, input_move);
  params.at("model/memory_move/b").value = bias(3, memory_move);
  params.at("model/write/b").value = bias(2, write);
  params.at("model/symbol/W").value.setZero();
  params.at("model/symbol/b").value.setZero();
  params.at("model/direct_memory/W").value.setZero();
  params.at("model/direct/W").value = 20.f * Matrix::Identity(task.output_width(), task.output_width());
  return model;
}

}  // namespace

TEST_CASE(
    "rl_ntm tape ends: left of the first input symbol reads the end marker; the memory head starts "
    "mid-tape") {
  // Reverse of one symbol, a -> a E: write at the first symbol, step left, write what is there. The
  // end marker must be read there (it was clamped onto `a` again, a wrong second symbol).
  const SymbolTapeTask task = small_task(TapeTaskKind::Reverse);
  ParameterCollection params(1);
  const RlNtmModel model = scripted_model(params, task, /*input_move=*/0, /*memory_move=*/0, /*write=*/1);
  SymbolTapes tapes;
  tapes.inputs = {{2}};
  tapes.targets = {task.target_for({2})};
  tapes.lengths = {1};
  Tape tape;
  AddressingContext ctx{false, nullptr, 0, nullptr, nullptr};
  const RlNtmEpisode ep = model.run(tape, tapes, ctx);
  REQUIRE(ep.input_positions.size() == 2);  // two writes end the episode
  CHECK(ep.input_positions[0][0] == 1);     // cell 1: the first symbol
  CHECK(ep.input_positions[1][0] == 0);     // cell 0: the end marker on its left
  CHECK(ep.errors[0] == 0.0);
  // The memory head starts at longest input + 2 and walks left without meeting the tape's end.
  CHECK(ep.memory_positions[0][0] == 3);
  CHECK(ep.memory_positions[1][0] == 2);
}

TEST_CASE(
    "rl_ntm forced writes: a policy that never writes still writes every symbol, in the last steps, "
    "unlogged") {
  const SymbolTapeTask task = small_task(TapeTaskKind::Copy);
  const SymbolTapes tapes = small_tapes(task);  // lengths 3 and 2
  for (const bool forced : {true, false}) {
    CAPTURE(forced);
    RlNtmOptions o = small_options(RlControllerKind::Direct);
    o.forced_writes = forced;
    ParameterCollection params(1);
    const RlNtmModel model =
        scripted_model(params, task, /*input_move=*/1, /*memory_move=*/1, /*write=*/0, o);
    Tape tape;
    Rng rng(4);
    PolicyLog policy;
    AddressingContext ctx{true, &rng, 0, nullptr, &policy};
    const RlNtmEpisode ep = model.run(tape, tapes, ctx);
    for (int b = 0; b < 2; ++b) {
      int written = 0;
      for (const auto& step : ep.writes) written += step[static_cast<size_t>(b)] == 1;
      // Forced: every symbol written (no missing-symbol penalty); free: silence all along.
      CHECK(written == (forced ? ep.target_lengths[static_cast<size_t>(b)] : 0));
    }
    // A forced write is no choice of the policy: its row of the write entry is zero (no REINFORCE term).
    for (size_t t = 0; t < ep.writes.size(); ++t)
      for (size_t b = 0; b < 2; ++b)
        if (ep.writes[t][b] == 1)
          CHECK(policy.entries[static_cast<size_t>(ep.step_entries[t][2])].log_prob.value()(
                    static_cast<Index>(b), 0) == 0.f);
    const double total = ep.total_reward.sum();
    // Free: 3 + 4 symbols missing at 7 each; forced: 7 written symbols, each earning at least -7.
    CHECK(forced ? total >= -7.0 * 7 - 1e-3 : total == doctest::Approx(-7.0 * 7));
  }
}

// One observation of a batch of `batch` examples of `length`, each with `errors` wrong symbols, all drawn
// at the current level or none.
void observe_uniform(TapeCurriculum& curriculum, int length, double errors, int64_t step,
                     bool at_level = true, int batch = 4) {
  const CurriculumDraw drawn{std::vector<int>(static_cast<size_t>(batch), length),
                             std::vector<char>(static_cast<size_t>(batch), at_level ? 1 : 0)};
  curriculum.observe(drawn, std::vector<double>(static_cast<size_t>(batch), errors),
                     std::vector<int>(static_cast<size_t>(batch), length), step);
}

TEST_CASE("rl_ntm curriculum: the length mixture and the raises at least min_gap updates apart") {
  ParameterCollection params(1);
  TapeCurriculumOptions o;
  TapeCurriculum curriculum(params.scope("curriculum"), {1, 10}, o);
  CHECK(curriculum.complexity() == 1);
  observe_uniform(curriculum, 1, 0.5, 0);  // not good enough
  CHECK(curriculum.complexity() == 1);
  observe_uniform(curriculum, 1, 0.1, 1);
  CHECK(curriculum.complexity() == 2);
  observe_uniform(curriculum, 1, 0.1, 50);  // too soon after the raise
  CHECK(curriculum.complexity() == 2);
  // The batch signal is the mean over all examples of errors / length, wherever they were drawn from:
  // (0 / 1 + 1.4 / 4) / 2 = 0.175 < 0.2.
  curriculum.observe({{1, 4}, {1, 0}}, std::vector<double>{0, 1.4}, std::vector<int>{1, 4}, 101);
  CHECK(curriculum.signal() == doctest::Approx(0.175));
  CHECK(curriculum.complexity() == 3);
  // 65% at C = 3, 25% uniform over 1..3, 10% uniform over 1..10.
  Rng rng(9);
  const CurriculumDraw drawn = curriculum.draw(20000, rng);
  double at_c = 0, above = 0, marked = 0;
  for (size_t i = 0; i < drawn.lengths.size(); ++i) {
    const int l = drawn.lengths[i];
    at_c += l == 3;
    above += l > 3;
    marked += drawn.at_level[i];
    CHECK((l >= 1 && l <= 10));
    if (drawn.at_level[i]) CHECK(l == 3);
  }
  CHECK(at_c / 20000 == doctest::Approx(0.65 + 0.25 / 3 + 0.1 / 10).epsilon(0.05));
  CHECK(above / 20000 == doctest::Approx(0.1 * 7 / 10).epsilon(0.1));
  CHECK(marked / 20000 == doctest::Approx(0.65).epsilon(0.03));
  // The state is a buffer: a checkpoint carries it; the batch signal needs no other.
  CHECK(params.at("curriculum/state").value(0, 0) == 3.f);
  CHECK_FALSE(params.contains("curriculum/level_average"));
}

TEST_CASE("rl_ntm curriculum: the authors' moving average over the current level and geometric extras") {
  ParameterCollection params(1);
  TapeCurriculumOptions o;
  o.signal = CurriculumSignal::LevelAverage;
  o.threshold = 0.25f;
  o.min_gap = 0;
  o.geometric_extra = true;
  TapeCurriculum curriculum(params.scope("curriculum"), {1, 10}, o);
  // Only the examples drawn at the level count, by their symbols: (1 + 0) / (2 + 1) wrong, not the third
  // example's 7 of 7. The average starts at 1: 0.8 * 1 + 0.2 / 3.
  curriculum.observe({{2, 1, 7}, {1, 1, 0}}, std::vector<double>{1, 0, 7}, std::vector<int>{2, 1, 7}, 0);
  CHECK(curriculum.signal() == doctest::Approx(0.8 + 0.2 / 3));
  observe_uniform(curriculum, 7, 0.0, 1, false);  // nothing at the level: the average stays
  CHECK(curriculum.signal() == doctest::Approx(0.8 + 0.2 / 3));
  // Error-free batches at the level: 0.8^k (0.8 + 0.2 / 3) drops below 0.25 at the sixth.
  for (int step = 2; step < 7; ++step) {
    observe_uniform(curriculum, 1, 0.0, step);
    CHECK(curriculum.complexity() == 1);
  }
  observe_uniform(curriculum, 1, 0.0, 7);
  CHECK(curriculum.complexity() == 2);
  // A raise starts the new level's average over at 1, as the authors' code does.
  CHECK(params.at("curriculum/level_average").value(0, 0) == 1.f);
  // Each example's level is C + e, e ~ Geometric(1/2): the current share (65%) is C with 0.5, C + 1 with
  // 0.25, C + 2 with 0.125; the "up to" share (25%) is uniform up to that level.
  Rng rng(4);
  const int n = 40000;
  const CurriculumDraw drawn = curriculum.draw(n, rng);
  std::vector<double> share(11, 0.0), at_level(11, 0.0);
  for (size_t i = 0; i < drawn.lengths.size(); ++i) {
    share[static_cast<size_t>(drawn.lengths[i])] += 1.0 / n;
    if (drawn.at_level[i]) at_level[static_cast<size_t>(drawn.lengths[i])] += 1.0 / n;
  }
  CHECK(at_level[2] == doctest::Approx(0.65 * 0.5).epsilon(0.05));
  CHECK(at_level[3] == doctest::Approx(0.65 * 0.25).epsilon(0.05));
  CHECK(at_level[4] == doctest::Approx(0.65 * 0.125).epsilon(0.08));
  CHECK(at_level[1] == 0.0);
  // Up to C + e: length 1 has 1/2 of the level-2 draws, 1/3 of the level-3 ones, ...
  double up_to_one = 0;
  for (int level = 2; level <= 9; ++level) up_to_one += std::pow(0.5, level - 1) / level;
  up_to_one += std::pow(0.5, 8) / 10;  // C + e capped at the longest length, 10
  CHECK(share[1] == doctest::Approx(0.25 * up_to_one + 0.1 / 10).epsilon(0.05));
  // Mismatched spans are a programming error, said so.
  CHECK_THROWS_WITH_AS(curriculum.observe({{1}, {1}}, std::vector<double>{}, std::vector<int>{1}, 8),
                       doctest::Contains("1 examples drawn but 0 error counts"), std::invalid_argument);
}

TEST_SUITE_END();
