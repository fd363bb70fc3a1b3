#include "models/seq2seq/seq2seq_views.h"

#include <algorithm>

#include "framework/train/generated_example.h"
#include "framework/views/token_row.h"
#include "models/seq2seq/seq2seq_learner.h"

namespace mann {

Seq2SeqViews::Seq2SeqViews(Seq2SeqLearner& learner, uint64_t eval_seed)
    : learner_(learner), eval_seed_(eval_seed) {}

std::map<std::string, Matrix> Seq2SeqViews::attention_maps(Rng& rng) {
  Seq2SeqTask& task = learner_.task();
  const Seq2SeqBatch batch = make_seq2seq_batch(task.sample_split("test", 1, rng));
  AddressingContext ctx{.training = false, .rng = &rng};
  const Decoded decoded = learner_.decode(batch, ctx, learner_.beam_size()).front();
  std::map<std::string, Matrix> maps{{"source", token_row(batch.examples[0].source)},
                                     {"target", token_row(batch.examples[0].target)},
                                     {"predicted", token_row(decoded.tokens)}};
  if (decoded.attention.size() > 0) maps["alignment"] = decoded.attention;
  return maps;
}

AttentionView Seq2SeqViews::attention_view(const std::string& split, int64_t index) {
  learner_.lengths(split);  // refuses an unknown split
  Rng rng = generated_example_rng(eval_seed_, split, index);
  if (!learner_.has_attention()) return {};
  Seq2SeqTask& task = learner_.task();
  const Seq2SeqBatch batch = make_seq2seq_batch(task.sample_split(split, 1, rng));
  AddressingContext ctx{.training = false, .rng = &rng};
  const Decoded decoded = learner_.decode(batch, ctx, learner_.beam_size()).front();
  const Seq2SeqExample& e = batch.examples[0];
  // Columns in reading order: a reversed source (the treebank's) is turned back.
  std::vector<int> source = e.source;
  plot::HeatmapSpec panel;
  panel.values = decoded.attention;
  if (task.source_reversed()) {
    std::reverse(source.begin(), source.end());
    panel.values = Matrix(decoded.attention.rowwise().reverse());
  }
  const std::string title = task.source_text(source) + " -> " + task.target_text(e.target) +
                            " (predicted: " + task.target_text(decoded.tokens) + ")";
  for (int id : source) panel.col_labels.push_back(task.source_words()[static_cast<size_t>(id)]);
  for (int id : decoded.tokens) panel.row_labels.push_back(task.target_words()[static_cast<size_t>(id)]);
  panel.title = title;
  panel.x_title = "input";
  panel.y_title = "output";
  return single_panel_view(title, "alignment", std::move(panel));
}

}  // namespace mann
