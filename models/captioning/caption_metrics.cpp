#include "models/captioning/caption_metrics.h"

#include "framework/autodiff/errors.h"

namespace mann {

void CaptionScorer::add(const CaptionWords& caption, const std::vector<CaptionWords>& references,
                        const Scene& scene) {
  bleu_.add(caption, references);
  exact_ += matches_a_reference(caption, references) ? 1 : 0;
  recall_ += scene_recall(scene, caption);
  ++captions_;
}

void CaptionScorer::add(const std::vector<CaptionWords>& captions, const CaptionBatch& batch) {
  if (static_cast<int>(captions.size()) != batch.size())
    throw UserError(std::to_string(captions.size()) + " captions for a batch of " +
                    std::to_string(batch.size()));
  for (std::size_t b = 0; b < captions.size(); ++b) add(captions[b], batch.references[b], batch.scenes[b]);
}

CaptionScores CaptionScorer::scores() const {
  CaptionScores out;
  out.bleu = bleu_.score();
  out.captions = captions_;
  out.exact_match = captions_ == 0 ? 0.0 : static_cast<double>(exact_) / captions_;
  out.class_recall = recall_.class_rate();
  out.place_recall = recall_.place_rate();
  return out;
}

}  // namespace mann
