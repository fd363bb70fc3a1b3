// The seq2seq tasks: determinism from the seed, lengths, reversal targets and the toy translation grammar.
#include <doctest/doctest.h>

#include <algorithm>

#include "datasets/seq2seq/reversal_task.h"
#include "datasets/seq2seq/toy_translation_task.h"
#include "framework/autodiff/errors.h"

using namespace mann;

TEST_SUITE_BEGIN("seq2seq");

namespace {

bool same(const std::vector<Seq2SeqExample>& a, const std::vector<Seq2SeqExample>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].source != b[i].source || a[i].target != b[i].target) return false;
  return true;
}

void check_deterministic(const Seq2SeqTask& task) {
  Rng a(7), b(7), c(8);
  const auto first = task.sample(16, a, task.train_lengths());
  CHECK(same(first, task.sample(16, b, task.train_lengths())));
  CHECK_FALSE(same(first, task.sample(16, c, task.train_lengths())));
}

}  // namespace

TEST_CASE("reversal: the target is the source backwards, then <eos>; lengths and seeds as configured") {
  const ReversalTask task(
      ReversalTaskOptions{.symbols = 6, .min_length = 3, .max_length = 9, .eval_max_length = 0});
  CHECK(task.source_words().size() == 6);
  CHECK(task.target_words().size() == 7);
  CHECK(task.target_words()[kEndOfSentence] == "<eos>");
  check_deterministic(task);
  Rng rng(1);
  for (const Seq2SeqExample& e : task.sample(50, rng, task.train_lengths())) {
    REQUIRE(e.target.size() == e.source.size() + 1);
    CHECK(e.source.size() >= 3);
    CHECK(e.source.size() <= 9);
    CHECK(e.target.back() == kEndOfSentence);
    for (size_t i = 0; i < e.source.size(); ++i)
      CHECK(task.target_words()[e.target[i]] == task.source_words()[e.source[e.source.size() - 1 - i]]);
  }
  const ReversalTask longer(
      ReversalTaskOptions{.min_length = 5, .max_length = 10, .eval_min_length = 20, .eval_max_length = 20});
  Rng eval(2);
  for (const Seq2SeqExample& e : longer.sample(4, eval, longer.eval_lengths())) CHECK(e.source.size() == 20);
  CHECK_THROWS_AS(ReversalTask(ReversalTaskOptions{.min_length = 5, .max_length = 4}), UserError);
}

TEST_CASE("toy translation: lexicon, adjectives after the noun, verb at the end of each clause") {
  const ToyTranslationTask task;
  const auto translated = [&](const std::string& text) {
    return task.target_text(task.translate(task.source_ids(text)));
  };
  CHECK(translated("the cat sees a dog") == "le chat un chien voit <eos>");
  CHECK(translated("the big red cat chases a small dog") ==
        "le chat grand rouge un chien petit chasse <eos>");
  CHECK(translated("a man likes the fish and the old woman helps a child") ==
        "un homme le poisson aime et le femme vieux un enfant aide <eos>");
  CHECK_THROWS_AS(task.translate(task.source_ids("the cat dog")), UserError);       // no verb
  CHECK_THROWS_AS(task.translate(task.source_ids("cat sees the dog")), UserError);  // no determiner
  CHECK_THROWS_AS(task.translate(task.source_ids("the cat sees a dog and")), UserError);
  CHECK_THROWS_AS(task.source_ids("the unicorn"), UserError);
  CHECK_THROWS_AS(ToyTranslationTask(ToyTranslationTaskOptions{.min_length = 4, .max_length = 10}),
                  UserError);
}

TEST_CASE("toy translation: generated sentences have the drawn length, parse, and reorder locally") {
  const ToyTranslationTask task(ToyTranslationTaskOptions{.min_length = 5, .max_length = 60});
  check_deterministic(task);
  Rng rng(3);
  int reordered = 0;
  for (int length = 5; length <= 60; ++length) {
    const Seq2SeqExample e = task.generate(length, rng);
    REQUIRE(static_cast<int>(e.source.size()) == length);
    CHECK(e.target == task.translate(e.source));
    REQUIRE(e.target.size() == e.source.size() + 1);
    // Word for word: the target's words are the source's words' translations, in another order.
    std::vector<int> mapped;
    for (int id : e.source) mapped.push_back(id + 1);
    std::vector<int> words(e.target.begin(), e.target.end() - 1);
    CHECK(std::is_permutation(words.begin(), words.end(), mapped.begin()));
    reordered += words != mapped;
  }
  CHECK(reordered == 56);  // every sentence has a verb to move
}

TEST_SUITE_END();
