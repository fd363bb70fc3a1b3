#include "datasets/rl_tapes/symbol_tape_task.h"

#include <algorithm>

#include "framework/autodiff/errors.h"

namespace mann {

SymbolTapeTask::SymbolTapeTask(const SymbolTapeTaskOptions& o)
    : SequenceTask(
          {o.min_length, o.max_length},
          sequence_detail::eval_or_train(o.eval_min_length, o.eval_max_length, {o.min_length, o.max_length})),
      options_(o) {
  if (o.alphabet < 2)
    throw UserError(name() + " task: alphabet must be >= 2, got " + std::to_string(o.alphabet));
  if (o.duplicates < 1)
    throw UserError(name() + " task: duplicates must be >= 1, got " + std::to_string(o.duplicates));
  if (o.kind == TapeTaskKind::RepeatCopy && (o.max_repeats < 1 || o.max_repeats >= o.alphabet))
    throw UserError(name() + " task: max_repeats must be in [1, alphabet - 1] (the count is a symbol), got " +
                    std::to_string(o.max_repeats));
  check_ranges();
}

std::string SymbolTapeTask::name() const {
  return "rl_" + std::string(enum_name(options_.kind));
}

std::vector<int> SymbolTapeTask::target_for(const std::vector<int>& input) const {
  std::vector<int> out;
  switch (options_.kind) {
    case TapeTaskKind::Copy:
      out = input;
      break;
    case TapeTaskKind::DuplicatedInput:
      for (size_t i = 0; i < input.size(); i += static_cast<size_t>(options_.duplicates))
        out.push_back(input[i]);
      break;
    case TapeTaskKind::Reverse:
    case TapeTaskKind::ForwardReverse:
      out.assign(input.rbegin(), input.rend());
      break;
    case TapeTaskKind::RepeatCopy:
      if (!input.empty())
        for (int r = 0; r < input[0]; ++r) out.insert(out.end(), input.begin() + 1, input.end());
      break;
  }
  out.push_back(end_marker());
  return out;
}

SymbolTapes SymbolTapeTask::sample_tapes(const std::vector<int>& lengths, Rng& rng) const {
  SymbolTapes tapes;
  for (int length : lengths) {
    if (length < 1) throw UserError(name() + " task: lengths must be >= 1, got " + std::to_string(length));
    std::vector<int> input;
    if (options_.kind == TapeTaskKind::RepeatCopy) input.push_back(1 + rng.uniform_int(options_.max_repeats));
    for (int i = 0; i < length; ++i) {
      const int symbol = rng.uniform_int(options_.alphabet);
      const int copies = options_.kind == TapeTaskKind::DuplicatedInput ? options_.duplicates : 1;
      input.insert(input.end(), static_cast<size_t>(copies), symbol);
    }
    tapes.targets.push_back(target_for(input));
    tapes.inputs.push_back(std::move(input));
    tapes.lengths.push_back(length);
  }
  return tapes;
}

SequenceBatch SymbolTapeTask::encode_as_sequence(const SymbolTapes& tapes) const {
  const int batch = tapes.batch();
  int steps = 0;
  for (int b = 0; b < batch; ++b)
    steps = std::max(steps, static_cast<int>(tapes.inputs[b].size() + 1 + tapes.targets[b].size()));
  SequenceBatch sb = sequence_detail::make_zero_batch(batch, steps, input_width(), output_width());
  for (int b = 0; b < batch; ++b) {
    const std::vector<int>& in = tapes.inputs[b];
    const std::vector<int>& out = tapes.targets[b];
    const int n = static_cast<int>(in.size());
    for (int t = 0; t < n; ++t) sb.inputs[t](b, in[t]) = 1.f;
    sb.inputs[n](b, options_.alphabet) = 1.f;  // the delimiter
    for (size_t k = 0; k < out.size(); ++k) {
      sb.targets[n + 1 + k](b, out[k]) = 1.f;
      sb.masks[n + 1 + k](b, 0) = 1.f;
    }
    sb.lengths[b] = tapes.lengths[b];
    sb.steps[b] = n + 1 + static_cast<int>(out.size());
  }
  return sb;
}

SequenceBatch SymbolTapeTask::sample(int batch, Rng& rng, const LengthRange& lengths) const {
  check_range(lengths, "requested");
  return encode_as_sequence(sample_tapes(sequence_detail::draw_lengths(batch, rng, lengths), rng));
}

}  // namespace mann
