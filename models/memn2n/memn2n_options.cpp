#include "models/memn2n/memn2n_options.h"

#include "framework/autodiff/errors.h"

namespace mann {

WeightTying parse_weight_tying(const std::string& text) {
  if (text == "adjacent") return WeightTying::Adjacent;
  if (text == "layerwise" || text == "layer_wise") return WeightTying::LayerWise;
  throw UserError("unknown weight tying `" + text + "` (adjacent or layerwise)");
}

SentenceEncoding parse_sentence_encoding(const std::string& text) {
  if (text == "bow") return SentenceEncoding::BagOfWords;
  if (text == "pe" || text == "position") return SentenceEncoding::Position;
  if (text == "pe_centered") return SentenceEncoding::PositionCentered;
  throw UserError("unknown sentence encoding `" + text + "` (bow, pe or pe_centered)");
}

}  // namespace mann
