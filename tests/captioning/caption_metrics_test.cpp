// CaptionScorer: BLEU, exact match and item recall of generated captions, added batch by batch.
#include <doctest/doctest.h>

#include "datasets/scenes/scene_caption_data.h"
#include "framework/autodiff/errors.h"
#include "models/captioning/caption_metrics.h"
#include "tests/support/synthetic_images.h"

TEST_CASE("caption metrics: references score 1, an empty caption 0, and batches add up") {
  const mann::SceneCaptionData data(mann::testing::synthetic_splits(), {}, 0);
  const mann::CaptionBatch batch = data.batch("valid", {0, 1, 2, 3, 4, 5});
  std::vector<mann::CaptionWords> perfect, last_reference, empty(6);
  for (const auto& references : batch.references) {
    perfect.push_back(references.front());
    last_reference.push_back(references.back());
  }
  mann::CaptionScorer scorer;
  scorer.add(perfect, batch);
  scorer.add(last_reference, batch);
  const mann::CaptionScores s = scorer.scores();
  CHECK(s.captions == 12);
  for (double bleu : s.bleu.bleu) CHECK(bleu == doctest::Approx(1.0));
  CHECK(s.exact_match == 1.0);
  CHECK(s.class_recall == 1.0);
  CHECK(s.place_recall == 1.0);

  mann::CaptionScorer nothing;
  nothing.add(empty, batch);
  CHECK(nothing.scores().bleu.bleu[0] == 0.0);
  CHECK(nothing.scores().exact_match == 0.0);
  CHECK(nothing.scores().class_recall == 0.0);
  CHECK(mann::CaptionScorer().scores().captions == 0);
  CHECK_THROWS_AS(nothing.add(std::vector<mann::CaptionWords>(2), batch), mann::UserError);
}
