#include "models/seq2seq/sequence_decoding.h"

#include <algorithm>
#include <numeric>

#include "datasets/seq2seq/seq2seq_task.h"
#include "framework/autodiff/sampling.h"

namespace mann {
namespace {

// Rows of attention weightings (each 1 x source_length) stacked into a matrix; empty when there are none.
Matrix stack_rows(const std::vector<Matrix>& rows) {
  if (rows.empty() || rows.front().size() == 0) return {};
  Matrix m(static_cast<Index>(rows.size()), rows.front().cols());
  for (size_t i = 0; i < rows.size(); ++i) m.row(static_cast<Index>(i)) = rows[i];
  return m;
}

struct Hypothesis {
  std::vector<int> tokens;
  std::vector<Matrix> attention;  // one (1 x source_length) row per token
  float log_prob = 0.f;
};

}  // namespace

Matrix log_softmax_values(const Matrix& logits) {
  const Eigen::VectorXf max = logits.rowwise().maxCoeff();
  Matrix shifted = logits.colwise() - max;
  const Eigen::VectorXf log_sum = shifted.array().exp().rowwise().sum().log();
  return shifted.colwise() - log_sum;
}

std::vector<Decoded> greedy_decode(Tape& tape, const AttentionDecoder& decoder, const EncodedSource& source,
                                   const std::vector<int>& source_lengths, int max_steps,
                                   AddressingContext& ctx, int end_token) {
  const int B = static_cast<int>(source_lengths.size());
  std::vector<std::vector<Matrix>> attention(static_cast<size_t>(B));
  std::vector<Decoded> out(static_cast<size_t>(B));
  std::vector<int> previous(static_cast<size_t>(B), decoder.start_token());
  RnnState state = decoder.initial_state(tape, source);
  for (int step = 0; step < max_steps; ++step) {
    const DecoderStep s = decoder(tape, previous, state, source, ctx);
    state = s.state;
    const std::vector<int> best = argmax_rows(s.logits.value());
    bool all_done = true;
    for (size_t b = 0; b < static_cast<size_t>(B); ++b) {
      if (previous[b] == -1) continue;  // finished earlier
      out[b].tokens.push_back(best[b]);
      if (s.attention.valid())
        attention[b].push_back(s.attention.value().row(static_cast<Index>(b)).head(source_lengths[b]));
      previous[b] = best[b] == end_token ? -1 : best[b];
      all_done = all_done && previous[b] == -1;
    }
    if (all_done) break;
  }
  for (size_t b = 0; b < static_cast<size_t>(B); ++b) out[b].attention = stack_rows(attention[b]);
  return out;
}

Decoded beam_decode(Tape& tape, const AttentionDecoder& decoder, const EncodedSource& source,
                    int source_length, int beam, int max_steps, AddressingContext& ctx, int end_token) {
  std::vector<Hypothesis> live(1), finished;
  RnnState state = decoder.initial_state(tape, source);
  const Index V = decoder.vocab();
  for (int step = 0; step < max_steps && !live.empty(); ++step) {
    const int n = static_cast<int>(live.size());
    std::vector<int> previous;
    for (const Hypothesis& h : live)
      previous.push_back(h.tokens.empty() ? decoder.start_token() : h.tokens.back());
    const DecoderStep s = decoder(tape, previous, state, repeat_example(source, 0, n), ctx);
    const Matrix log_p = log_softmax_values(s.logits.value());
    // The `beam` best one-token extensions of all live hypotheses.
    std::vector<int> order(static_cast<size_t>(n * V));
    std::iota(order.begin(), order.end(), 0);
    const auto score = [&](int k) { return live[static_cast<size_t>(k / V)].log_prob + log_p(k / V, k % V); };
    const size_t keep = std::min(order.size(), static_cast<size_t>(beam));
    std::partial_sort(order.begin(), order.begin() + static_cast<ptrdiff_t>(keep), order.end(),
                      [&](int a, int b) { return score(a) > score(b); });
    std::vector<Hypothesis> next;
    std::vector<int> parents;
    for (size_t i = 0; i < keep; ++i) {
      const int parent = order[i] / static_cast<int>(V), token = order[i] % static_cast<int>(V);
      Hypothesis h = live[static_cast<size_t>(parent)];
      h.tokens.push_back(token);
      h.log_prob = score(order[i]);
      if (s.attention.valid()) h.attention.push_back(s.attention.value().row(parent).head(source_length));
      if (token == end_token) {
        finished.push_back(std::move(h));
      } else {
        next.push_back(std::move(h));
        parents.push_back(parent);
      }
    }
    live = std::move(next);
    if (!live.empty()) state = gather_state(s.state, parents);
    // Log-probabilities only fall as hypotheses grow: a finished one better than every live one has won.
    const auto best_of = [](const std::vector<Hypothesis>& hs) {
      float best = -std::numeric_limits<float>::infinity();
      for (const Hypothesis& h : hs) best = std::max(best, h.log_prob);
      return best;
    };
    // Not "stop once `beam` hypotheses have finished": on long outputs of a confident model, unlikely <eos>
    // extensions finish early while the likely hypothesis is still being written (a parse of 80 tokens was
    // cut to its first clause that way).
    if (!finished.empty() && best_of(finished) >= best_of(live)) break;
  }
  const std::vector<Hypothesis>& pool = finished.empty() ? live : finished;
  const auto best = std::max_element(pool.begin(), pool.end(), [](const Hypothesis& a, const Hypothesis& b) {
    return a.log_prob < b.log_prob;
  });
  if (best == pool.end()) return {};
  return {best->tokens, stack_rows(best->attention)};
}

std::vector<Decoded> decode_batch(Tape& tape, const AttentionDecoder& decoder, int examples, int beam,
                                  AddressingContext& ctx, int end_token,
                                  const std::function<DecodingSource(Tape&, std::optional<int>)>& encode) {
  tape.set_grad_enabled(false);
  if (beam == 1) {
    tape.clear();
    const DecodingSource all = encode(tape, std::nullopt);
    return greedy_decode(tape, decoder, all.source, all.lengths, all.max_steps, ctx, end_token);
  }
  std::vector<Decoded> out;
  for (int b = 0; b < examples; ++b) {
    tape.clear();
    const DecodingSource one = encode(tape, b);
    out.push_back(
        beam_decode(tape, decoder, one.source, one.lengths.front(), beam, one.max_steps, ctx, end_token));
  }
  return out;
}

}  // namespace mann
