#pragma once
// Corpus BLEU (Papineni, Roukos, Ward and Zhu 2002, "BLEU: a Method for Automatic Evaluation of Machine
// Translation") and exact match, for generated sentences scored against several references each:
//
//   p_n  = sum over hypotheses of clipped n-gram matches / sum over hypotheses of their n-grams, where an
//          n-gram's matches are clipped to the most times it occurs in any one reference of that hypothesis;
//   c    = the total hypothesis length, r = the sum over hypotheses of the reference length closest to the
//          hypothesis's (the shorter one on a tie);
//   BP   = 1 if c > r, else exp(1 - r / c) (0 when c = 0);
//   BLEU-N = BP * exp(sum_{n=1..N} log(p_n) / N), the uniform weights of the paper; 0 when some p_n is 0.
//
// Counts are summed over the corpus before dividing (never an average of sentence scores). Sentences are
// words (or any tokens as strings); nothing is lower-cased or tokenised here.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace mann {

// A sentence as tokens.
using Sentence = std::vector<std::string>;

// The longest n-grams BLEU counts.
inline constexpr int kBleuMaxOrder = 4;

// The scores of a corpus.
struct BleuScore {
  std::array<double, kBleuMaxOrder> bleu{};       // bleu[n - 1] is BLEU-n (n = 1..4)
  std::array<double, kBleuMaxOrder> precision{};  // p_n: clipped matches / hypothesis n-grams (0 if none)
  double brevity_penalty = 0;                     // BP
  std::int64_t hypothesis_length = 0;             // c
  std::int64_t reference_length = 0;              // r
};

// The n-gram counts of a corpus, added one hypothesis at a time (a corpus scored batch by batch).
class BleuCounts {
 public:
  // Adds `hypothesis` with its `references`. Throws UserError when there are no references.
  void add(const Sentence& hypothesis, const std::vector<Sentence>& references);
  // Adds another part of the corpus.
  BleuCounts& operator+=(const BleuCounts& other);
  // The scores of everything added so far (all 0 when nothing was added).
  BleuScore score() const;

  // Clipped matches of n-grams of order n (1..4), summed over the hypotheses.
  std::int64_t matches(int n) const { return matches_[static_cast<std::size_t>(n - 1)]; }
  // n-grams of order n in the hypotheses.
  std::int64_t totals(int n) const { return totals_[static_cast<std::size_t>(n - 1)]; }

 private:
  std::array<std::int64_t, kBleuMaxOrder> matches_{}, totals_{};
  std::int64_t hypothesis_length_ = 0, reference_length_ = 0;
};

// BLEU of `hypotheses[i]` against `references[i]`. Throws UserError when the sizes differ or a hypothesis
// has no references.
BleuScore corpus_bleu(const std::vector<Sentence>& hypotheses,
                      const std::vector<std::vector<Sentence>>& references);

// Whether `hypothesis` equals one of `references` word for word.
bool matches_a_reference(const Sentence& hypothesis, const std::vector<Sentence>& references);

// The share of hypotheses that equal one of their references (0 for no hypotheses). Throws UserError when
// the sizes differ.
double exact_match_rate(const std::vector<Sentence>& hypotheses,
                        const std::vector<std::vector<Sentence>>& references);

}  // namespace mann
