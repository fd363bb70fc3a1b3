#include "models/readers/reader_views.h"

#include "framework/autodiff/errors.h"
#include "framework/views/token_row.h"
#include "models/readers/reader_learner.h"

namespace mann {
namespace {

constexpr int kSavedExamples = 3;

std::string words_text(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& w : words) text += (text.empty() ? "" : " ") + w;
  return text;
}

// The reads stacked: (reads x document tokens).
Matrix stacked(const std::vector<Matrix>& reads) {
  if (reads.empty()) return {};
  Matrix m(static_cast<Index>(reads.size()), reads.front().cols());
  for (size_t i = 0; i < reads.size(); ++i) m.row(static_cast<Index>(i)) = reads[i].row(0);
  return m;
}

}  // namespace

std::map<std::string, Matrix> ReaderViews::attention_maps(Rng& rng) {
  std::map<std::string, Matrix> maps;
  const std::vector<ClozeExample>& test = learner_.corpus().test;
  for (int i = 0; i < kSavedExamples && static_cast<size_t>(i) < test.size(); ++i) {
    const ClozeExample& e = test[static_cast<size_t>(i)];
    const std::string prefix = "example" + std::to_string(i) + "/";
    maps[prefix + "document"] = token_row(e.document);
    maps[prefix + "query"] = token_row(e.query);
    const Matrix attention = stacked(learner_.answer(e, rng).attention);
    if (attention.size() > 0) maps[prefix + "attention"] = attention;
  }
  return maps;
}

std::map<std::string, std::string> ReaderViews::attention_texts() const {
  std::map<std::string, std::string> texts;
  const std::vector<ClozeExample>& test = learner_.corpus().test;
  for (int i = 0; i < kSavedExamples && static_cast<size_t>(i) < test.size(); ++i) {
    const ClozeText& t = test[static_cast<size_t>(i)].text;
    texts["attention/example" + std::to_string(i)] =
        words_text(t.document) + "\n" + words_text(t.query) + "\n" + t.answer + "\n";
  }
  return texts;
}

AttentionView ReaderViews::attention_view(const std::string& split, int64_t index) {
  const std::vector<ClozeExample>& examples = learner_.corpus().split(split);
  if (index < 0 || static_cast<size_t>(index) >= examples.size())
    throw UserError("the " + split + " split has " + std::to_string(examples.size()) +
                    " questions; no question " + std::to_string(index));
  if (!learner_.has_attention()) return {};
  const ClozeExample& e = examples[static_cast<size_t>(index)];
  Rng rng(static_cast<uint64_t>(index));
  const ReaderAnswer a = learner_.answer(e, rng);
  const std::string predicted = entity_token(a.predicted);
  plot::HeatmapSpec panel;
  panel.values = stacked(a.attention);
  for (const std::string& w : e.text.document)
    panel.col_labels.push_back(w == e.text.answer ? "[" + w + "]" : w);
  if (a.attention.size() == 1)
    panel.row_labels = {"query"};
  else
    for (const std::string& w : e.text.query) panel.row_labels.push_back(w);
  const std::string title =
      words_text(e.text.query) + " -> " + e.text.answer + " (predicted: " + predicted + ")";
  panel.title = title;
  panel.x_title = "document ([answer])";
  panel.y_title = a.attention.size() == 1 ? "" : "query token";
  return single_panel_view(title, "attention", std::move(panel));
}

}  // namespace mann
