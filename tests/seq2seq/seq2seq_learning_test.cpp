// The encoder-decoder with additive attention learns to reverse sentences of 10 symbols from a fixed seed
// (issue 8: >= 95% exact match on held-out sentences within the test suite's time budget); beam search
// decodes the trained model as well as greedy; attention_view() shows the anti-diagonal it learned.
#include <doctest/doctest.h>

#include <chrono>

#include "datasets/seq2seq/reversal_task.h"
#include "framework/addressing/soft_content.h"
#include "framework/autodiff/errors.h"
#include "framework/train/adam.h"
#include "framework/train/clipping.h"
#include "framework/views/attention_views.h"
#include "models/seq2seq/seq2seq_learner.h"
#include "tests/support/attention_factories.h"
#include "tools/cli_support.h"

using namespace mann;

TEST_SUITE_BEGIN("seq2seq");

namespace {

std::unique_ptr<Seq2SeqLearner> reversal_learner(const AddressingModuleFactory& attention) {
  const Seq2SeqOptions o{
      .embed = 16, .hidden = 32, .batch = 32, .eval_batch = 100, .eval_batches = 2, .seed = 1};
  return std::make_unique<Seq2SeqLearner>(
      std::make_unique<ReversalTask>(ReversalTaskOptions{.symbols = 8, .min_length = 10, .max_length = 10}),
      o, attention);
}

void train(Seq2SeqLearner& learner, int steps) {
  Adam adam({.learning_rate = 0.01f});
  Rng rng(2);
  Tape tape;
  const std::vector<Parameter*> params = learner.parameters().parameters();
  for (int step = 0; step < steps; ++step) {
    tape.clear();
    learner.parameters().zero_grad();
    Metrics metrics;
    tape.backward(learner.training_step(tape, step, rng, metrics));
    clip_grad_norm(params, 5.0);
    adam.step(params);
  }
}

double exact_match(const Metrics& m) {
  return m[1].second;
}

}  // namespace

TEST_CASE("seq2seq with additive attention learns reversal of length 10 to >= 95% exact match") {
  set_threads(1);  // as `mann train` does: threaded products of these small matrices are far slower
  const auto start = std::chrono::steady_clock::now();
  auto learner = reversal_learner(testing::additive_attention());
  train(*learner, 400);
  Rng held_out(99);
  const Metrics m = learner->evaluate("test", held_out);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MESSAGE("reversal of 10: exact match " << exact_match(m) << ", token accuracy " << m[2].second << " after "
                                         << seconds << " s");
  CHECK(m[0].first == "error");
  CHECK(m[0].second == doctest::Approx(1.0 - exact_match(m)));
  CHECK(exact_match(m) >= 0.95);

  // Beam search finds sentences at least as likely as greedy's; on a solved task they are the same.
  Rng examples(5);
  const Seq2SeqBatch batch =
      make_seq2seq_batch(learner->task().sample(20, examples, learner->task().eval_lengths()));
  AddressingContext ctx{.training = false};
  const std::vector<Decoded> greedy = learner->decode(batch, ctx, 1), beam = learner->decode(batch, ctx, 3);
  int greedy_right = 0, beam_right = 0;
  for (int b = 0; b < batch.batch; ++b) {
    greedy_right += greedy[b].tokens == batch.examples[b].target;
    beam_right += beam[b].tokens == batch.examples[b].target;
    CHECK(beam[b].attention.rows() == static_cast<Index>(beam[b].tokens.size()));
  }
  CHECK(beam_right >= greedy_right - 1);

  // One panel, output tokens x input tokens, labelled with the words; reversal attends anti-diagonally.
  const AttentionView view = learner->views()->attention_view("test", 3);
  REQUIRE(view.panels.size() == 1);
  CHECK(view.panel_names == std::vector<std::string>{"alignment"});
  const plot::HeatmapSpec& panel = view.panels[0];
  CHECK(panel.values.cols() == 10);
  CHECK(panel.col_labels.size() == 10);
  CHECK(panel.row_labels.size() == static_cast<size_t>(panel.values.rows()));
  CHECK(panel.row_labels.back() == "<eos>");
  CHECK(view.title.find(" -> ") != std::string::npos);
  CHECK(view.title.find("predicted: ") != std::string::npos);
  int anti_diagonal = 0;
  for (Index i = 0; i < 10 && i < panel.values.rows(); ++i) {
    Index col;
    panel.values.row(i).maxCoeff(&col);
    anti_diagonal += col == 9 - i;
  }
  CHECK(anti_diagonal >= 8);
  CHECK(learner->views()->attention_view("test", 3).title == view.title);  // the same example every time
  CHECK(learner->views()->attention_view("valid", 3).title != view.title);
  CHECK_THROWS_AS(learner->views()->attention_view("dev", 0), UserError);
  CHECK_THROWS_AS(learner->views()->attention_view("test", -1), UserError);

  Rng draw(6);
  const auto maps = learner->views()->attention_maps(draw);
  CHECK(maps.at("alignment").cols() == maps.at("source").cols());
  CHECK(maps.at("alignment").rows() == maps.at("predicted").cols());
}

TEST_CASE("seq2seq without attention: no attention view, same metrics") {
  auto learner = reversal_learner(AddressingModuleFactory{});
  CHECK(learner->views()->attention_view("test", 0).panels.empty());
  Rng rng(1);
  CHECK(learner->evaluate("valid", rng).size() == learner->eval_metric_names().size());
  Rng draw(2);
  CHECK(learner->views()->attention_maps(draw).count("alignment") == 0);
}

TEST_SUITE_END();
