// Corpus BLEU (Papineni et al. 2002) against hand-computed examples, the paper's corner cases, clipping and
// several references; exact match.
#include <doctest/doctest.h>

#include <cmath>
#include <sstream>

#include "framework/autodiff/errors.h"
#include "framework/eval/bleu.h"

using mann::BleuScore;
using mann::Sentence;

namespace {

Sentence words(const std::string& text) {
  std::istringstream in(text);
  Sentence out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

BleuScore bleu(const std::vector<std::string>& hypotheses,
               const std::vector<std::vector<std::string>>& references) {
  std::vector<Sentence> h;
  std::vector<std::vector<Sentence>> r;
  for (const std::string& text : hypotheses) h.push_back(words(text));
  for (const auto& texts : references) {
    r.emplace_back();
    for (const std::string& text : texts) r.back().push_back(words(text));
  }
  return mann::corpus_bleu(h, r);
}

}  // namespace

TEST_CASE("bleu: a hand-computed sentence with two references") {
  // Hypothesis "the cat sat on the mat" (6 words); references R1 "the cat is on the mat" (6) and
  // R2 "there is a cat on the mat" (7).
  //   unigrams: the x2 (clip: R1 has 2) -> 2, cat 1, sat 0, on 1, mat 1          -> p1 = 5/6
  //   bigrams:  the cat (R1), cat sat -, sat on -, on the (R1, R2), the mat      -> p2 = 3/5
  //   trigrams: the cat sat -, cat sat on -, sat on the -, on the mat (both)    -> p3 = 1/4
  //   4-grams:  the cat sat on, cat sat on the, sat on the mat: none in either   -> p4 = 0/3
  //   c = 6, closest reference length r = 6 (R1), BP = exp(1 - 6/6) = 1
  //   BLEU-1 = 5/6, BLEU-2 = sqrt(5/6 * 3/5) = sqrt(1/2), BLEU-3 = (5/6 * 3/5 * 1/4)^(1/3) = (1/8)^(1/3) =
  //   1/2, BLEU-4 = 0 (no 4-gram matches)
  const BleuScore s =
      bleu({"the cat sat on the mat"}, {{"the cat is on the mat", "there is a cat on the mat"}});
  CHECK(s.precision[0] == doctest::Approx(5.0 / 6));
  CHECK(s.precision[1] == doctest::Approx(3.0 / 5));
  CHECK(s.precision[2] == doctest::Approx(1.0 / 4));
  CHECK(s.precision[3] == 0.0);
  CHECK(s.hypothesis_length == 6);
  CHECK(s.reference_length == 6);
  CHECK(s.brevity_penalty == doctest::Approx(1.0));
  CHECK(s.bleu[0] == doctest::Approx(5.0 / 6));
  CHECK(s.bleu[1] == doctest::Approx(std::sqrt(0.5)));
  CHECK(s.bleu[2] == doctest::Approx(0.5));
  CHECK(s.bleu[3] == 0.0);
}

TEST_CASE("bleu: counts are summed over the corpus before dividing, with the corpus brevity penalty") {
  // The sentence above plus "on the mat" against R1 alone: 3/3 unigrams, 2/2 bigrams, 1/1 trigram, no
  // 4-grams.
  //   p1 = (5 + 3) / (6 + 3) = 8/9, p2 = (3 + 2) / (5 + 2) = 5/7, p3 = (1 + 1) / (4 + 1) = 2/5, p4 = 0/3
  //   c = 6 + 3 = 9, r = 6 + 6 = 12, BP = exp(1 - 12/9) = exp(-1/3)
  //   BLEU-1 = exp(-1/3) * 8/9, BLEU-2 = exp(-1/3) * sqrt(8/9 * 5/7), BLEU-3 = exp(-1/3) * (8/9 * 5/7 *
  //   2/5)^(1/3)
  const BleuScore s =
      bleu({"the cat sat on the mat", "on the mat"},
           {{"the cat is on the mat", "there is a cat on the mat"}, {"the cat is on the mat"}});
  const double bp = std::exp(-1.0 / 3);
  CHECK(s.hypothesis_length == 9);
  CHECK(s.reference_length == 12);
  CHECK(s.brevity_penalty == doctest::Approx(bp));
  CHECK(s.bleu[0] == doctest::Approx(bp * 8 / 9));
  CHECK(s.bleu[1] == doctest::Approx(bp * std::sqrt(8.0 / 9 * 5 / 7)));
  CHECK(s.bleu[2] == doctest::Approx(bp * std::cbrt(8.0 / 9 * 5 / 7 * 2 / 5)));
  CHECK(s.bleu[3] == 0.0);

  // The same counts added one sentence at a time.
  mann::BleuCounts first, second;
  first.add(words("the cat sat on the mat"),
            {words("the cat is on the mat"), words("there is a cat on the mat")});
  second.add(words("on the mat"), {words("the cat is on the mat")});
  first += second;
  CHECK(first.matches(1) == 8);
  CHECK(first.totals(4) == 3);
  CHECK(first.score().bleu[2] == doctest::Approx(s.bleu[2]));
}

TEST_CASE("bleu: a hypothesis equal to a reference scores 1 on every order") {
  const BleuScore s = bleu({"a sneaker to the left of a bag"},
                           {{"a bag to the right of a sneaker", "a sneaker to the left of a bag"}});
  for (int n = 0; n < 4; ++n) CHECK(s.bleu[static_cast<std::size_t>(n)] == doctest::Approx(1.0));
  CHECK(s.brevity_penalty == 1.0);
}

TEST_CASE("bleu: a short hypothesis is penalised by exp(1 - r/c)") {
  // "the cat" against "the cat sat on the mat": p1 = p2 = 1, no trigrams; c = 2, r = 6, BP = exp(1 - 3) =
  // exp(-2).
  const BleuScore s = bleu({"the cat"}, {{"the cat sat on the mat"}});
  CHECK(s.brevity_penalty == doctest::Approx(std::exp(-2.0)));
  CHECK(s.bleu[0] == doctest::Approx(std::exp(-2.0)));
  CHECK(s.bleu[1] == doctest::Approx(std::exp(-2.0)));
  CHECK(s.bleu[2] == 0.0);  // a hypothesis without trigrams has p3 = 0
  // Longer than the closest reference: no penalty. Lengths 4 and 6 are equally close to 5; the shorter
  // counts.
  const BleuScore tie = bleu({"a b c d e"}, {{"a b c d", "a b c d e f"}});
  CHECK(tie.reference_length == 4);
  CHECK(tie.brevity_penalty == 1.0);
  // An empty hypothesis scores 0 (c = 0).
  CHECK(bleu({""}, {{"a b"}}).bleu[0] == 0.0);
}

TEST_CASE("bleu: repeated words are clipped to their most frequent count in one reference") {
  // The paper's example: "the" x7 against R1 (2 x the) and R2 (1 x the): 2 of 7 unigrams count. Reference
  // lengths 6 and 8 are equally close to c = 7; r = 6 (the shorter) < c, so BP = 1.
  const BleuScore s =
      bleu({"the the the the the the the"}, {{"the cat is on the mat", "there is a cat on the mat ."}});
  CHECK(s.precision[0] == doctest::Approx(2.0 / 7));
  CHECK(s.bleu[0] == doctest::Approx(2.0 / 7));
  // The clip is the maximum over references, not their sum: three references of one "the" each still give 1.
  CHECK(bleu({"the the"}, {{"the a", "the b", "the c"}}).precision[0] == doctest::Approx(0.5));
}

TEST_CASE("bleu: n-grams may match different references") {
  // "a b c d" against "a b x y" and "x b c d": unigrams 4/4, bigrams a b (R1), b c (R2), c d (R2) 3/3,
  // trigrams b c d (R2) 1/2, 4-grams 0/1.
  const BleuScore s = bleu({"a b c d"}, {{"a b x y", "x b c d"}});
  CHECK(s.precision[0] == 1.0);
  CHECK(s.precision[1] == 1.0);
  CHECK(s.precision[2] == doctest::Approx(0.5));
  CHECK(s.precision[3] == 0.0);
  CHECK(s.bleu[2] == doctest::Approx(std::cbrt(0.5)));
}

TEST_CASE("bleu: exact match and refusals") {
  const std::vector<Sentence> hypotheses = {words("a b"), words("a c"), words("d")};
  const std::vector<std::vector<Sentence>> references = {
      {words("x"), words("a b")}, {words("a b")}, {words("d"), words("d e")}};
  CHECK(mann::exact_match_rate(hypotheses, references) == doctest::Approx(2.0 / 3));
  CHECK(mann::exact_match_rate({}, {}) == 0.0);
  CHECK_THROWS_AS(mann::corpus_bleu(hypotheses, {}), mann::UserError);
  CHECK_THROWS_AS(mann::corpus_bleu({words("a")}, {{}}), mann::UserError);
}
