#include "models/memn2n/memn2n_views.h"

#include <algorithm>

#include "framework/autodiff/errors.h"
#include "models/memn2n/memn2n_learner.h"

namespace mann {
namespace {

constexpr const char* kNothing = "(nothing: the empty slots)";

std::string words_text(const Vocabulary& vocab, const std::vector<int>& ids) {
  std::string s;
  for (int id : ids) s += (s.empty() ? "" : " ") + vocab.word(id);
  return s;
}

}  // namespace

MemN2NViews::MemN2NViews(MemN2NLearner& learner, int recorded_examples, bool attend_empty_slots)
    : learner_(learner), recorded_(recorded_examples), attend_empty_slots_(attend_empty_slots) {}

Matrix MemN2NViews::story_attention(const Matrix& hop, Index example, Index n) const {
  const Index slots = hop.cols();
  const bool nothing = attend_empty_slots_ && slots > n;  // what is shown still sums to 1
  Matrix row(1, n + (nothing ? 1 : 0));
  row.leftCols(n) = hop.row(example).head(n);
  if (nothing) row(0, n) = hop.row(example).tail(slots - n).sum();
  return row;
}

std::vector<int> MemN2NViews::recorded_examples() const {
  const int n = static_cast<int>(learner_.data().test.size());
  const int count = std::min(n, recorded_);
  std::vector<int> picks;
  for (int i = 0; i < count; ++i) picks.push_back(static_cast<int>(static_cast<int64_t>(i) * n / count));
  return picks;  // spread over the split, so joint runs show several tasks
}

std::map<std::string, Matrix> MemN2NViews::attention_maps(Rng&) {  // fixed examples: no draw
  std::map<std::string, Matrix> maps;
  const std::vector<int> picks = recorded_examples();
  if (picks.empty()) return maps;
  const MemN2NLearner::Attended a = learner_.attend(learner_.data().test, picks);
  for (size_t i = 0; i < picks.size(); ++i) {
    const std::string example = "example" + std::to_string(i);
    const Index n = a.batch.sentence_count[i];
    for (size_t k = 0; k < a.hops.size(); ++k)
      maps[example + "/hop" + std::to_string(k + 1)] = story_attention(a.hops[k], static_cast<Index>(i), n);
    maps[example + "/predicted"] = Matrix::Constant(1, 1, static_cast<float>(a.predicted[i]));
  }
  return maps;
}

std::map<std::string, std::string> MemN2NViews::attention_texts() const {
  std::map<std::string, std::string> texts;
  const BabiDataset& data = learner_.data();
  const int slots = learner_.memory_slots();
  const std::vector<int> picks = recorded_examples();
  for (size_t i = 0; i < picks.size(); ++i) {
    const BabiExample& e = data.test[static_cast<size_t>(picks[i])];
    std::string text = "task " + std::to_string(e.task) + " test question " + std::to_string(picks[i]) + "\n";
    for (size_t m = 0; m < e.story.size(); ++m)
      text += "memory " + std::to_string(m) + ": " + words_text(data.vocab, e.story[m]) + "\n";
    if (attend_empty_slots_ && static_cast<int>(e.story.size()) < slots)
      text += "memory " + std::to_string(e.story.size()) + ": " + kNothing + "\n";
    text += "question: " + words_text(data.vocab, e.question) + "\nanswer: " + data.vocab.word(e.answer) +
            "\nsupporting:";
    for (int f : e.supporting) text += " " + std::to_string(f);
    texts["attention/example" + std::to_string(i)] = text + "\n";
  }
  return texts;
}

AttentionView MemN2NViews::attention_view(const std::string& split_name, int64_t index) {
  const BabiDataset& data = learner_.data();
  const std::vector<BabiExample>& examples = learner_.split(split_name);
  const auto count = static_cast<int64_t>(examples.size());
  if (index < 0 || index >= count)
    throw UserError("example " + std::to_string(index) + " is out of range: the " + split_name +
                    " split has " + std::to_string(count) + " questions" +
                    (count > 0 ? " (0.." + std::to_string(count - 1) + ")" : ""));
  const BabiExample& e = examples[static_cast<size_t>(index)];
  const MemN2NLearner::Attended a = learner_.attend(examples, {static_cast<int>(index)});
  const auto n = static_cast<Index>(a.batch.sentence_count.front());
  plot::HeatmapSpec panel;
  for (size_t k = 0; k < a.hops.size(); ++k) {
    const Matrix column = story_attention(a.hops[k], 0, n).transpose();
    if (k == 0) panel.values.resize(column.rows(), static_cast<Index>(a.hops.size()));
    panel.values.col(static_cast<Index>(k)) = column;
  }
  for (Index m = 0; m < n; ++m) panel.row_labels.push_back(words_text(data.vocab, e.story[static_cast<size_t>(m)]));
  if (panel.values.rows() > n) panel.row_labels.push_back(kNothing);
  for (size_t k = 1; k <= a.hops.size(); ++k) panel.col_labels.push_back("hop " + std::to_string(k));
  for (int f : e.supporting)
    if (f < n) panel.marked_rows.push_back(f);
  const std::string title = words_text(data.vocab, e.question) + "? -> " + data.vocab.word(e.answer) +
                            " (predicted: " + data.vocab.word(a.predicted.front()) + ")";
  panel.title = "task " + std::to_string(e.task) + ", " + split_name + " question " + std::to_string(index) +
                ": " + title;
  panel.x_title = "hop";
  panel.y_title = "story sentence";
  return single_panel_view(title, "hops", std::move(panel));
}

}  // namespace mann
