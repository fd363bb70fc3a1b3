#include "models/retrieval/retrieval_views.h"

#include "framework/train/generated_example.h"
#include "models/retrieval/retrieval_reader.h"

namespace mann {

RetrievalViews::RetrievalViews(RetrievalReader& reader, uint64_t eval_seed)
    : reader_(reader), eval_seed_(eval_seed) {}

AttentionView RetrievalViews::attention_view(const std::string& split, int64_t index) {
  Rng rng = generated_example_rng(eval_seed_, split, index);
  const RetrievalBatch batch = reader_.task().sample(1, rng);
  Tape tape;
  tape.set_grad_enabled(false);
  AddressingContext ctx{.training = false, .rng = &rng};
  Var weights;
  Index predicted = 0;
  reader_.logits(tape, batch, ctx, &weights).value().row(0).maxCoeff(&predicted);
  plot::HeatmapSpec panel;
  panel.values = weights.value().row(0).transpose();  // slots x 1
  for (int n = 0; n < batch.slots; ++n)
    panel.row_labels.push_back("key " + std::to_string(batch.keys[static_cast<size_t>(n)]) + " -> value " +
                               std::to_string(batch.values[static_cast<size_t>(n)]));
  panel.col_labels = {"query"};
  panel.marked_rows = {batch.query_slot.front()};
  const std::string title = "key " + std::to_string(batch.query.front()) + " -> value " +
                            std::to_string(batch.answer.front()) +
                            " (predicted: " + std::to_string(predicted) + ")";
  panel.title = "retrieval, " + split + " example " + std::to_string(index) + ": " + title;
  panel.y_title = "memory slot";
  return single_panel_view(title, "read", std::move(panel));
}

}  // namespace mann
