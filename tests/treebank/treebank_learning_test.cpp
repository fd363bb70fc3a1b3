// The treebank task feeds the existing seq2seq learner: examples and metrics, and a small attention model
// that learns to parse a tiny grammar's held-out sentences within the suite's time budget.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>

#include "datasets/treebank/treebank_task.h"
#include "framework/addressing/soft_content.h"
#include "framework/train/adam.h"
#include "framework/train/clipping.h"
#include "framework/views/attention_views.h"
#include "models/seq2seq/seq2seq_learner.h"
#include "tests/support/attention_factories.h"
#include "tools/cli_support.h"

using namespace mann;

TEST_SUITE_BEGIN("treebank");

namespace {

// Noun and verb PP attachment decided by the preposition, lengths 3..11.
const char* kTinyGrammar = R"(
S     -> NP VP
NP    -> DT NN @3 | NP~b PP~n
NP~b  -> DT NN
PP~n  -> IN~n NP~b
VP    -> VBZ~i @2 | VBZ~t NP @2 | VBZ~i PP~v | VBZ~t NP PP~v
PP~v  -> IN~v NP
DT    -> the | a
NN    -> cat | dog | bird | man
VBZ~t -> sees | likes
VBZ~i -> sleeps | runs
IN~n  -> of | with
IN~v  -> in | near
)";

std::unique_ptr<TreebankTask> tiny_task(int train_sentences) {
  const Grammar g = Grammar::parse(kTinyGrammar, "tiny.pcfg");
  TreebankTaskOptions o;
  o.min_length = 3;
  o.max_length = 11;
  o.length_bucket = 5;
  return std::make_unique<TreebankTask>(
      generate_treebank(
          g, {.train_sentences = train_sentences, .valid_sentences = 100, .test_sentences = 200, .seed = 1},
          {3, 11}, {3, 11}),
      o);
}

double metric(const Metrics& m, const std::string& name) {
  for (const auto& [n, v] : m)
    if (n == name) return v;
  FAIL("no metric " << name);
  return 0;
}

}  // namespace

TEST_CASE("treebank examples: reversed words in, linearised tree and <eos> out; gold scores F1 1") {
  const auto task = tiny_task(200);
  const ParseTree& t = task->split_trees("test").front();
  const Seq2SeqExample e = task->example(t);
  CHECK(task->source_text(e.source).size() == tree_words(t).size() - 1 + [&] {
    size_t chars = 0;
    for (const std::string& w : tree_words(t)) chars += w.size();
    return chars;
  }());
  CHECK(task->source_words()[static_cast<size_t>(e.source.front())] == tree_words(t).back());  // reversed
  CHECK(e.target.back() == kEndOfSentence);
  CHECK(task->target_text(e.target).starts_with("(S (NP XX XX"));
  const Metrics perfect = task->task_metrics({e}, {e.target});
  CHECK(metric(perfect, "f1") == 1.0);
  CHECK(metric(perfect, "ill_formed") == 0.0);
  CHECK(task->task_metric_names() == std::vector<std::string>{"f1", "precision", "recall", "ill_formed",
                                                              "f1_len_1_5", "f1_len_6_10", "f1_len_11_15"});
  // An output without <eos> is not well-formed (it ran out of steps), even if its brackets close.
  std::vector<int> unfinished = e.target;
  unfinished.pop_back();
  CHECK(metric(task->task_metrics({e}, {unfinished}), "ill_formed") == 1.0);
  // A bucket no evaluated sentence falls in is NaN, not a score.
  CHECK(std::isnan(metric(perfect, tree_words(t).size() <= 5 ? "f1_len_11_15" : "f1_len_1_5")));
}

TEST_CASE("seq2seq with attention learns to parse a tiny grammar's held-out sentences to F1 >= 0.95") {
  set_threads(1);
  const auto start = std::chrono::steady_clock::now();
  const Seq2SeqOptions o{
      .embed = 16, .hidden = 32, .batch = 32, .eval_batch = 100, .eval_batches = 2, .seed = 1};
  Seq2SeqLearner learner(tiny_task(1000), o, testing::additive_attention());
  Adam adam({.learning_rate = 0.01f});
  Rng rng(2);
  Tape tape;
  const std::vector<Parameter*> params = learner.parameters().parameters();
  for (int step = 0; step < 300; ++step) {
    tape.clear();
    learner.parameters().zero_grad();
    Metrics metrics;
    tape.backward(learner.training_step(tape, step, rng, metrics));
    clip_grad_norm(params, 5.0);
    adam.step(params);
  }
  Rng held_out(99);
  const Metrics m = learner.evaluate("test", held_out);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MESSAGE("tiny treebank: F1 " << metric(m, "f1") << ", ill-formed " << metric(m, "ill_formed") << ", exact "
                               << metric(m, "exact_match") << " after " << seconds << " s");
  CHECK(learner.eval_metric_names().size() == m.size());
  CHECK(metric(m, "f1") >= 0.95);
  CHECK(metric(m, "ill_formed") <= 0.05);

  // Beam search finds what greedy decoding finds on a learned task, although its outputs are two to three
  // times longer than the input: hypotheses that end early on unlikely <eos> tokens must not end the search
  // while a far likelier one is still being written.
  Rng same_examples(99);
  std::vector<Seq2SeqExample> examples = learner.task().sample_split("test", 40, same_examples);
  const Seq2SeqBatch batch = make_seq2seq_batch(examples);
  AddressingContext ctx{.training = false};
  const std::vector<Decoded> greedy = learner.decode(batch, ctx, 1), beam = learner.decode(batch, ctx, 5);
  std::vector<std::vector<int>> greedy_tokens, beam_tokens;
  for (size_t b = 0; b < examples.size(); ++b) {
    greedy_tokens.push_back(greedy[b].tokens);
    beam_tokens.push_back(beam[b].tokens);
  }
  const double greedy_f1 = metric(learner.task().task_metrics(examples, greedy_tokens), "f1");
  CHECK(metric(learner.task().task_metrics(examples, beam_tokens), "f1") >= greedy_f1 - 0.02);

  // The attention figure of a parse: the sentence's words in reading order (the input was reversed) over
  // the output tokens, with the matrix's columns turned back to match.
  const AttentionView view = learner.views()->attention_view("test", 2);
  REQUIRE(view.panels.size() == 1);
  const plot::HeatmapSpec& panel = view.panels.front();
  const std::vector<std::string> words(panel.col_labels.begin(), panel.col_labels.end());
  CHECK(words.size() == static_cast<size_t>(panel.values.cols()));
  CHECK(panel.row_labels.size() == static_cast<size_t>(panel.values.rows()));
  CHECK(panel.row_labels.front() == "(S");
  CHECK((words.front() == "the" || words.front() == "a"));  // a sentence starts with its determiner
  CHECK(view.title.starts_with(words.front() + " " + words[1]));
}
