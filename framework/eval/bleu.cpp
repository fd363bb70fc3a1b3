#include "framework/eval/bleu.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "framework/autodiff/errors.h"

namespace mann {

namespace {

using NgramCounts = std::map<std::vector<std::string>, int>;

NgramCounts ngrams(const Sentence& sentence, int n) {
  NgramCounts counts;
  for (std::size_t i = 0; i + static_cast<std::size_t>(n) <= sentence.size(); ++i)
    ++counts[std::vector<std::string>(sentence.begin() + static_cast<std::ptrdiff_t>(i),
                                      sentence.begin() + static_cast<std::ptrdiff_t>(i) + n)];
  return counts;
}

// The reference length closest to the hypothesis length, the shorter on a tie.
std::int64_t closest_reference_length(std::size_t hypothesis, const std::vector<Sentence>& references) {
  const auto h = static_cast<std::int64_t>(hypothesis);
  std::int64_t best = static_cast<std::int64_t>(references.front().size());
  for (const Sentence& reference : references) {
    const auto r = static_cast<std::int64_t>(reference.size());
    if (std::llabs(r - h) < std::llabs(best - h) || (std::llabs(r - h) == std::llabs(best - h) && r < best))
      best = r;
  }
  return best;
}

void check_sizes(std::size_t hypotheses, std::size_t references) {
  if (hypotheses != references)
    throw UserError(std::to_string(hypotheses) + " hypotheses but references for " +
                    std::to_string(references));
}

}  // namespace

void BleuCounts::add(const Sentence& hypothesis, const std::vector<Sentence>& references) {
  if (references.empty()) throw UserError("BLEU needs at least one reference per hypothesis");
  hypothesis_length_ += static_cast<std::int64_t>(hypothesis.size());
  reference_length_ += closest_reference_length(hypothesis.size(), references);
  for (int n = 1; n <= kBleuMaxOrder; ++n) {
    // The most times each n-gram occurs in any one reference: the clip of its matches.
    NgramCounts clip;
    for (const Sentence& reference : references)
      for (const auto& [gram, count] : ngrams(reference, n)) clip[gram] = std::max(clip[gram], count);
    const auto i = static_cast<std::size_t>(n - 1);
    for (const auto& [gram, count] : ngrams(hypothesis, n)) {
      totals_[i] += count;
      const auto found = clip.find(gram);
      if (found != clip.end()) matches_[i] += std::min(count, found->second);
    }
  }
}

BleuCounts& BleuCounts::operator+=(const BleuCounts& other) {
  for (std::size_t i = 0; i < matches_.size(); ++i) {
    matches_[i] += other.matches_[i];
    totals_[i] += other.totals_[i];
  }
  hypothesis_length_ += other.hypothesis_length_;
  reference_length_ += other.reference_length_;
  return *this;
}

BleuScore BleuCounts::score() const {
  BleuScore score;
  score.hypothesis_length = hypothesis_length_;
  score.reference_length = reference_length_;
  const auto c = static_cast<double>(hypothesis_length_), r = static_cast<double>(reference_length_);
  score.brevity_penalty = c == 0 ? 0.0 : (c > r ? 1.0 : std::exp(1.0 - r / c));
  double log_sum = 0;
  bool zero = false;
  for (std::size_t i = 0; i < matches_.size(); ++i) {
    score.precision[i] =
        totals_[i] == 0 ? 0.0 : static_cast<double>(matches_[i]) / static_cast<double>(totals_[i]);
    zero = zero || score.precision[i] == 0;
    if (!zero) log_sum += std::log(score.precision[i]);
    // BLEU-n: the geometric mean of p_1..p_n.
    score.bleu[i] = zero ? 0.0 : score.brevity_penalty * std::exp(log_sum / static_cast<double>(i + 1));
  }
  return score;
}

BleuScore corpus_bleu(const std::vector<Sentence>& hypotheses,
                      const std::vector<std::vector<Sentence>>& references) {
  check_sizes(hypotheses.size(), references.size());
  BleuCounts counts;
  for (std::size_t i = 0; i < hypotheses.size(); ++i) counts.add(hypotheses[i], references[i]);
  return counts.score();
}

bool matches_a_reference(const Sentence& hypothesis, const std::vector<Sentence>& references) {
  return std::find(references.begin(), references.end(), hypothesis) != references.end();
}

double exact_match_rate(const std::vector<Sentence>& hypotheses,
                        const std::vector<std::vector<Sentence>>& references) {
  check_sizes(hypotheses.size(), references.size());
  if (hypotheses.empty()) return 0.0;
  std::size_t matched = 0;
  for (std::size_t i = 0; i < hypotheses.size(); ++i)
    matched += matches_a_reference(hypotheses[i], references[i]) ? 1 : 0;
  return static_cast<double>(matched) / static_cast<double>(hypotheses.size());
}

}  // namespace mann
