#include "models/rl_ntm/rl_ntm_model.h"

#include <algorithm>

#include "framework/addressing/categorical_choice.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/sampling.h"
#include "models/rl_ntm/memory_tape.h"
#include "models/rl_ntm/zero_one_loss.h"

namespace mann {
namespace {

constexpr int kMemoryMoves = 3;        // -1, 0, +1
constexpr int kWriteChoices = 2;       // silent, write
constexpr int kProgressFeatures = 2;   // the baseline's view of the episode's progress (progress_features)
constexpr float kProgressUnit = 0.1f;  // ... in tens of symbols and steps, near the state's scale

// (B x 2): per example the output symbols still due and the steps left, in tens. They follow from the
// actions before the step, so a baseline reading them stays unbiased; they carry most of what the rewards
// still to come depend on (each due symbol will cost some log p), which the controller state does not
// know early on: the input's length.
Matrix progress_features(const std::vector<int>& due, const std::vector<int>& steps_left) {
  Matrix f(static_cast<Index>(due.size()), kProgressFeatures);
  for (size_t b = 0; b < due.size(); ++b) {
    f(static_cast<Index>(b), 0) = kProgressUnit * static_cast<float>(due[b]);
    f(static_cast<Index>(b), 1) = kProgressUnit * static_cast<float>(steps_left[b]);
  }
  return f;
}

}  // namespace

double RlNtmEpisode::error_rate() const {
  return normalised_zero_one_loss(errors, target_lengths);
}

double RlNtmEpisode::all_right() const {
  const auto right = std::count(errors.begin(), errors.end(), 0.0);
  return errors.empty() ? 0.0 : static_cast<double>(right) / static_cast<double>(errors.size());
}

RlNtmModel::RlNtmModel(const ParamScope& scope, int classes, const RlNtmOptions& o, Rng& rng)
    : Module(scope),
      baseline_scope_(scope.sub("baseline").name()),
      classes_(classes),
      options_(o),
      controller_(scope.sub("controller"),
                  classes * (2 * o.input_window + 1) + o.memory_width * (2 * o.memory_window + 1) +
                      (o.forward_only_input ? 2 : 3) + kMemoryMoves + kWriteChoices,
                  o.hidden, rng),
      input_move_(scope.sub("input_move"), o.hidden, o.forward_only_input ? 2 : 3, o.action_scale, rng),
      memory_move_(scope.sub("memory_move"), o.hidden, kMemoryMoves, o.action_scale, rng),
      write_(scope.sub("write"), o.hidden, kWriteChoices, o.action_scale, rng),
      // (symbol_ before memory_vector_: the order parameters draw their initial values in)
      symbol_(o.state_to_output
                  ? std::optional<Linear>(std::in_place, scope.sub("symbol"), o.hidden, classes, rng)
                  : std::nullopt),
      memory_vector_(scope.sub("memory_vector"), o.hidden, o.memory_width, rng) {
  if (const char* key = option_needing_direct_controller(o))
    throw UserError(std::string("rl_ntm: ") + key + " needs the direct controller");
  if (o.direct_gates) direct_gates_.emplace(scope.sub("direct_gates"), o.hidden, 2, rng);
  if (o.controller == RlControllerKind::Direct) {
    direct_.emplace(scope.sub("direct"), classes, classes, rng, LinearOptions{.bias = false});
    direct_memory_.emplace(scope.sub("direct_memory"), o.memory_width, classes, rng,
                           LinearOptions{.bias = false});
    direct_to_memory_.emplace(scope.sub("direct_to_memory"), classes, o.memory_width, rng,
                              LinearOptions{.bias = false});
  }
  baseline_ = make_baseline(BaselineKind::Learned, scope.sub("baseline"),
                            o.hidden + (o.baseline_progress ? kProgressFeatures : 0), rng, 0.f, {});
}

std::vector<Parameter*> RlNtmModel::baseline_parameters() const {
  std::vector<Parameter*> out;
  const std::string prefix = baseline_scope_ + "/";
  for (Parameter* p : parameters())
    if (p->name.starts_with(prefix)) out.push_back(p);
  return out;
}

RlNtmEpisode RlNtmModel::run(Tape& tape, const SymbolTapes& tapes, AddressingContext& ctx) const {
  const int batch = tapes.batch();
  const int end_marker = classes_ - 1;
  RlNtmEpisode ep;
  std::vector<int> budget(static_cast<size_t>(batch));
  int max_budget = 0, longest_input = 0;
  for (int b = 0; b < batch; ++b) {
    const int in = static_cast<int>(tapes.inputs[b].size()), out = static_cast<int>(tapes.targets[b].size());
    budget[b] = static_cast<int>(options_.step_budget * static_cast<float>(in + out)) + 2;
    max_budget = std::max(max_budget, budget[b]);
    longest_input = std::max(longest_input, in);
    ep.target_lengths.push_back(out);
  }
  ep.step_rewards = Matrix::Zero(batch, max_budget);
  ep.errors.assign(static_cast<size_t>(batch), 0.0);
  // The memory head starts in the middle of a tape long enough to walk the whole input either way, so a
  // cell it never wrote (zeros) lies beyond each end of what it wrote (e.g. where ForwardReverse's walk
  // back must stop).
  const int memory_start = longest_input + 2;
  MemoryTape memory(tape, batch, 2 * memory_start + 1, options_.memory_width);
  std::vector<int> input_pos(batch, 0), memory_pos(batch, memory_start), emitted(batch, 0),
      last_step(batch, 0);
  std::vector<int> prev_input_move(batch, options_.forward_only_input ? 0 : 1), prev_memory_move(batch, 1),
      prev_write(batch, 0);
  std::vector<bool> done(static_cast<size_t>(batch), false);
  LSTMState state = controller_.initial_state(tape, batch);
  std::vector<Var> losses;

  for (int t = 0; t < max_budget; ++t) {
    std::vector<bool> active(static_cast<size_t>(batch));
    bool any = false;
    for (int b = 0; b < batch; ++b) any |= (active[b] = !done[b] && t < budget[b]);
    if (!any) break;
    // The symbol at input cell `cell` of example b: both ends (and beyond) read the end marker, as the
    // authors' tape is circular over blank padding; a walk back sees where to stop.
    auto symbol_at = [&](int b, int cell) {
      const std::vector<int>& in = tapes.inputs[static_cast<size_t>(b)];
      return cell >= 0 && cell < static_cast<int>(in.size()) ? in[static_cast<size_t>(cell)] : end_marker;
    };
    std::vector<int> symbol(batch, -1), at_memory(batch, -1);
    for (int b = 0; b < batch; ++b) {
      if (!active[b]) continue;
      symbol[b] = symbol_at(b, input_pos[b]);
      at_memory[b] = memory_pos[b];
      last_step[b] = t;
    }
    ep.input_positions.push_back(input_pos);
    for (int& p : ep.input_positions.back()) ++p;  // cell 0: the end marker left of the first symbol
    ep.memory_positions.push_back(memory_pos);
    for (int b = 0; b < batch; ++b)
      if (!active[b]) ep.input_positions.back()[b] = ep.memory_positions.back()[b] = -1;

    Var symbol_in = tape.constant(one_hot_rows(symbol, classes_));
    Var memory_in = memory.read(at_memory);
    std::vector<Var> reads;
    // A window of `radius` cells on each side of a head: `centre` (the cell under it), read_at(offset)
    // others.
    const auto read_window = [&](int radius, Var centre, const auto& read_at) {
      for (int offset = -radius; offset <= radius; ++offset)
        reads.push_back(offset == 0 ? centre : read_at(offset));
    };
    read_window(options_.input_window, symbol_in, [&](int offset) {
      std::vector<int> near(batch, -1);
      for (int b = 0; b < batch; ++b)
        if (active[b]) near[b] = symbol_at(b, input_pos[b] + offset);
      return tape.constant(one_hot_rows(near, classes_));
    });
    read_window(options_.memory_window, memory_in, [&](int offset) {
      std::vector<int> near(batch, -1);
      for (int b = 0; b < batch; ++b) {
        const int cell = at_memory[b] + offset;
        if (active[b] && cell >= 0 && cell < memory.cells()) near[b] = cell;
      }
      return memory.read(near);
    });
    for (const auto& [actions, count] :
         {std::pair{&prev_input_move, input_moves()}, std::pair{&prev_memory_move, kMemoryMoves},
          std::pair{&prev_write, kWriteChoices}})
      reads.push_back(tape.constant(one_hot_rows(*actions, count)));
    Var x = concat_cols(reads);
    state = controller_(tape, x, state);
    Var h = state.h;

    std::vector<int> entries(3, -1);
    const std::vector<int> input_move =
        input_move_.choose(tape, h, active, ctx, options_.log_prob_eps, entries[0]);
    const std::vector<int> memory_move =
        memory_move_.choose(tape, h, active, ctx, options_.log_prob_eps, entries[1]);
    // Forced writes (the authors' output constraint): an example with as many steps left as symbols due
    // must write, so no symbol goes missing and a write never pays just for coming early.
    std::vector<int> must_write(batch, -1);
    if (options_.forced_writes)
      for (int b = 0; b < batch; ++b)
        if (active[b] && budget[b] - t <= ep.target_lengths[b] - emitted[b]) must_write[b] = 1;
    const std::vector<int> write =
        write_.choose(tape, h, active, ctx, options_.log_prob_eps, entries[2], must_write);
    ep.step_entries.emplace_back();
    for (int e : entries)
      if (e >= 0) ep.step_entries.back().push_back(e);
    Var baseline_features = h;
    if (options_.baseline_progress && !ep.step_entries.back().empty()) {
      std::vector<int> due(batch), steps_left(batch);
      for (int b = 0; b < batch; ++b) {
        due[b] = ep.target_lengths[b] - emitted[b];
        steps_left[b] = budget[b] - t;
      }
      baseline_features = concat_cols({h, tape.constant(progress_features(due, steps_left))});
    }
    attach_step_baseline(tape, baseline_features, ep.step_entries.back(), ctx);

    Var written = memory_vector_(tape, h);
    if (direct_) written = written + (*direct_to_memory_)(tape, symbol_in);
    memory.write(at_memory, tanh(written));
    Var logits;
    if (symbol_) logits = (*symbol_)(tape, h);
    if (direct_) {
      Var from_input = (*direct_)(tape, symbol_in), from_memory = (*direct_memory_)(tape, memory_in);
      if (direct_gates_) {
        Var gates = sigmoid((*direct_gates_)(tape, h));
        from_input = mul(from_input, slice_cols(gates, 0, 1));
        from_memory = mul(from_memory, slice_cols(gates, 1, 1));
      }
      logits = logits.valid() ? logits + from_input + from_memory : from_input + from_memory;
    }
    std::vector<int> expected(batch, -1);
    for (int b = 0; b < batch; ++b)
      if (active[b] && write[b] == 1) expected[b] = tapes.targets[b][emitted[b]];
    ep.writes.push_back(write);
    if (std::any_of(expected.begin(), expected.end(), [](int e) { return e >= 0; })) {
      losses.push_back(score_written(logits, expected, t, ep));
      for (int b = 0; b < batch; ++b)
        if (expected[b] >= 0 && ++emitted[b] == static_cast<int>(tapes.targets[b].size())) done[b] = true;
    }
    for (int b = 0; b < batch; ++b) {
      if (!active[b]) continue;
      const int step = options_.forward_only_input ? input_move[b] : input_move[b] - 1;
      input_pos[b] = std::clamp(input_pos[b] + step, -1, static_cast<int>(tapes.inputs[b].size()));
      memory_pos[b] = std::clamp(memory_pos[b] + memory_move[b] - 1, 0, memory.cells() - 1);
      prev_input_move[b] = input_move[b];
      prev_memory_move[b] = memory_move[b];
      prev_write[b] = write[b];
    }
  }
  for (int b = 0; b < batch; ++b) {
    const int missing = ep.target_lengths[b] - emitted[b];
    ep.errors[b] += missing;
    ep.step_rewards(b, last_step[b]) -= static_cast<float>(missing) * options_.missing_penalty;
  }
  ep.total_reward = ep.step_rewards.rowwise().sum();
  Var total = tape.constant(1, 1, 0.f);
  for (Var l : losses) total = total + l;
  ep.symbol_loss = scale(total, 1.f / static_cast<float>(std::max(batch, 1)));
  return ep;
}

void RlNtmModel::attach_step_baseline(Tape& tape, Var state, const std::vector<int>& entries,
                                      AddressingContext& ctx) const {
  if (entries.empty()) return;
  // One baseline per step, on the first entry (its regression trains it once); the others share its value.
  Var value = baseline_->value(tape, state);
  for (size_t i = 0; i < entries.size(); ++i) {
    PolicyLog::Entry& entry = ctx.policy->entries[static_cast<size_t>(entries[i])];
    entry.baseline_value = value;
    entry.baseline = i == 0 ? baseline_.get() : nullptr;
  }
}

Var RlNtmModel::score_written(Var logits, const std::vector<int>& expected, int step,
                              RlNtmEpisode& ep) const {
  Var log_p = pick(log_softmax_rows(logits), expected);  // 0 where nothing is written
  const std::vector<int> predicted = argmax_rows(logits.value());
  for (size_t b = 0; b < expected.size(); ++b) {
    if (expected[b] < 0) continue;
    const auto row = static_cast<Index>(b);
    ep.step_rewards(row, step) = std::max(log_p.value()(row, 0), -options_.missing_penalty);
    if (predicted[b] != expected[b]) ep.errors[b] += 1;
  }
  return -sum(log_p);
}

void RlNtmModel::credit_rewards(const RlNtmEpisode& episode, PolicyLog& policy) {
  const Index batch = episode.step_rewards.rows();
  Matrix from_here = Matrix::Zero(batch, 1);
  for (int t = static_cast<int>(episode.step_entries.size()) - 1; t >= 0; --t) {
    from_here += episode.step_rewards.col(t);
    for (int e : episode.step_entries[static_cast<size_t>(t)])
      policy.entries[static_cast<size_t>(e)].credited_reward = from_here;
  }
}

}  // namespace mann
