// The captions of fashion_scenes: the grammar on hand-built scenes, reading captions back, the references
// of many drawn scenes (every item named and placed, all distinct), the vocabulary, item recall and the
// caption batch.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <set>
#include <sstream>

#include "datasets/scenes/caption_grammar.h"
#include "datasets/scenes/caption_reading.h"
#include "datasets/scenes/caption_vocabulary.h"
#include "datasets/scenes/scene_caption_data.h"
#include "datasets/scenes/scene_recall.h"
#include "tests/support/synthetic_images.h"

using mann::CaptionWords;
using mann::Scene;
using mann::SceneCell;
using mann::SpatialRelation;

namespace {

constexpr int kDress = 3, kShirt = 6, kSneaker = 7, kBag = 8, kAnkleBoot = 9;

CaptionWords words(const std::string& text) {
  std::istringstream in(text);
  CaptionWords out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

// A 64x64 scene of 28x28 items with these labels and corners.
Scene scene_of(const std::vector<std::array<int, 3>>& items) {
  Scene scene;
  scene.canvas = 64;
  for (const auto& [label, x, y] : items) {
    const mann::SceneBox box{x, y, 28};
    scene.items.push_back(mann::SceneItem{0, label, box, mann::cell_of(box, 64)});
  }
  return scene;
}

// A sneaker top left, a bag top right, a dress below the sneaker, a little to its right.
Scene three_items() {
  return scene_of({{kSneaker, 0, 0}, {kBag, 36, 0}, {kDress, 4, 36}});
}

std::vector<int> sorted_labels(const Scene& scene) {
  std::vector<int> labels;
  for (const auto& item : scene.items) labels.push_back(item.label);
  std::sort(labels.begin(), labels.end());
  return labels;
}

}  // namespace

TEST_CASE("fashion_scenes captions: geometry of cells and relations") {
  const Scene s = three_items();
  CHECK(s.items[0].cell == SceneCell::TopLeft);
  CHECK(s.items[1].cell == SceneCell::TopRight);
  CHECK(s.items[2].cell == SceneCell::BottomLeft);
  CHECK(mann::relation_between(s.items[0].box, s.items[1].box) == SpatialRelation::LeftOf);
  CHECK(mann::relation_between(s.items[1].box, s.items[0].box) == SpatialRelation::RightOf);
  CHECK(mann::relation_between(s.items[2].box, s.items[1].box) == SpatialRelation::Below);  // dx -32, dy 36
  CHECK(mann::relation_between(s.items[0].box, s.items[2].box) == SpatialRelation::Above);
  // On the diagonal (|dx| == |dy|) the horizontal relation wins.
  CHECK(mann::relation_between({0, 36, 28}, {36, 0, 28}) == SpatialRelation::LeftOf);
  CHECK(mann::inverse(SpatialRelation::Above) == SpatialRelation::Below);
  CHECK(mann::reading_order(s) == std::vector<int>{0, 1, 2});
  CHECK(mann::reading_order(scene_of({{kDress, 4, 36}, {kBag, 36, 0}, {kSneaker, 0, 0}})) ==
        std::vector<int>{2, 1, 0});
}

TEST_CASE("fashion_scenes captions: the canonical caption of hand-built scenes") {
  CHECK(mann::caption_text(mann::canonical_caption(three_items())) ==
        "a sneaker to the left of a bag, and a dress below the sneaker");
  CHECK(mann::caption_text(mann::canonical_caption(scene_of({{kAnkleBoot, 30, 34}}))) ==
        "an ankle boot in the bottom right");
  CHECK(mann::caption_text(mann::canonical_caption(scene_of({{kShirt, 0, 20}, {kBag, 33, 22}}))) ==
        "a shirt to the left of a bag");
  // Four items: each new item is related to the nearest one named before it (the dress to the sneaker, not
  // the bag; the shirt to the dress).
  CHECK(mann::caption_text(mann::canonical_caption(
            scene_of({{kSneaker, 0, 0}, {kBag, 36, 0}, {kDress, 4, 36}, {kShirt, 36, 36}}))) ==
        "a sneaker to the left of a bag, a dress below the sneaker, and a shirt to the right of the dress");
}

TEST_CASE("fashion_scenes captions: reading a caption back") {
  const mann::CaptionReading r =
      mann::read_caption(words("there is a sneaker to the left of a bag , and a dress is below the bag"));
  REQUIRE(r.mentions.size() == 4);
  CHECK(r.mentions[0].label == kSneaker);
  CHECK_FALSE(r.mentions[2].definite);
  CHECK(r.mentions[3].definite);  // "the bag"
  REQUIRE(r.relations.size() == 2);
  CHECK(r.relations[0].subject == kSneaker);
  CHECK(r.relations[0].relation == SpatialRelation::LeftOf);
  CHECK(r.relations[0].object == kBag);
  CHECK(r.relations[1].subject == kDress);
  CHECK(r.relations[1].relation == SpatialRelation::Below);
  CHECK(r.relations[1].object == kBag);
  CHECK(r.cells.empty());

  const mann::CaptionReading cell = mann::read_caption(words("in the top left there is an ankle boot"));
  REQUIRE(cell.cells.size() == 1);
  CHECK(cell.cells[0].label == kAnkleBoot);
  CHECK(cell.cells[0].cell == SceneCell::TopLeft);
  // Lenient: unknown words are skipped, and a relation without an object says nothing.
  const mann::CaptionReading loose = mann::read_caption(words("<unk> shirt boot ankle above"));
  CHECK(loose.mentions.size() == 1);
  CHECK(loose.relations.empty());
}

TEST_CASE("fashion_scenes captions: every reference names every item, places it truly, and they differ") {
  for (const auto arrangement : {mann::SceneArrangement::Random, mann::SceneArrangement::Grid2x2}) {
    mann::SceneOptions options;
    options.arrangement = arrangement;
    const mann::SceneCaptionData data(mann::testing::synthetic_splits(), options, 3);
    std::set<std::string> first_words;
    for (int i = 0; i < 150; ++i) {
      const mann::SceneExample example = data.example("train", i);
      REQUIRE(example.references.size() == 5);
      CHECK(example.references.front() == mann::canonical_caption(example.scene));
      for (std::size_t r = 0; r < example.references.size(); ++r) {
        const CaptionWords& ref = example.references[r];
        CAPTURE(mann::caption_text(ref));
        for (std::size_t other = 0; other < r; ++other) CHECK(ref != example.references[other]);
        // The items it introduces are exactly the scene's.
        std::vector<int> introduced;
        for (const auto& m : mann::read_caption(ref).mentions)
          if (!m.definite) introduced.push_back(m.label);
        std::sort(introduced.begin(), introduced.end());
        CHECK(introduced == sorted_labels(example.scene));
        const mann::SceneRecall recall = mann::scene_recall(example.scene, ref);
        CHECK(recall.classes == recall.items);
        CHECK(recall.placed == recall.items);
        first_words.insert(ref.front());
      }
    }
    CHECK(first_words.size() >= 4);  // a, an, there, in: orders and phrasings vary
  }
}

TEST_CASE("fashion_scenes captions: the vocabulary holds every word the grammar writes") {
  const mann::CaptionVocabulary& v = mann::scene_caption_vocabulary();
  CHECK(v.size() == 31);
  CHECK(v.word(mann::CaptionVocabulary::kPad) == "<pad>");
  CHECK(v.word(mann::CaptionVocabulary::kStart) == "<start>");
  CHECK(v.word(mann::CaptionVocabulary::kEnd) == "<end>");
  CHECK(v.id("<unk>") == mann::CaptionVocabulary::kUnknown);
  CHECK(v.id("hat") == mann::CaptionVocabulary::kUnknown);
  CHECK(v.id("ankle") != v.id("boot"));
  const mann::SceneCaptionData data(mann::testing::synthetic_splits(), {}, 0);
  for (int i = 0; i < 100; ++i) {
    for (const CaptionWords& ref : data.example("test", i).references) {
      const std::vector<int> ids = v.encode(ref);
      CHECK(std::count(ids.begin(), ids.end(), mann::CaptionVocabulary::kUnknown) == 0);
      CHECK(v.decode(ids) == ref);
    }
  }
  CHECK(v.decode({1, v.id("a"), v.id("bag"), 2, v.id("coat"), 0}) == words("a bag"));
}

TEST_CASE("fashion_scenes captions: item recall of imperfect captions") {
  const Scene s = three_items();
  // Sneaker and bag named, dress named and placed by its cell; "sneaker above bag" is false.
  mann::SceneRecall r =
      mann::scene_recall(s, words("a sneaker above a bag , and a dress in the bottom left"));
  CHECK(r.items == 3);
  CHECK(r.classes == 3);
  CHECK(r.placed == 1);
  // A true relation places both of its items; a class named twice counts once per item of the scene.
  r = mann::scene_recall(s, words("a bag to the right of a sneaker , a bag , a coat"));
  CHECK(r.classes == 2);
  CHECK(r.placed == 2);
  // "the bag" refers back: it names no item.
  CHECK(mann::scene_recall(s, words("the bag")).classes == 0);
  CHECK(mann::scene_recall(s, {}).placed == 0);
  r += mann::scene_recall(scene_of({{kShirt, 0, 0}}), words("a shirt in the top left"));
  CHECK(r.class_rate() == doctest::Approx(3.0 / 4));
  CHECK(r.place_rate() == doctest::Approx(3.0 / 4));
}

TEST_CASE("fashion_scenes captions: a batch holds the padded teacher caption, its references and scenes") {
  mann::SceneOptions options;
  const mann::SceneCaptionData data(mann::testing::synthetic_splits(), options, 0);
  const mann::CaptionBatch batch = data.batch("train", {0, 1, 2, 3});
  REQUIRE(batch.size() == 4);
  CHECK(batch.images.size() == 4);
  CHECK(batch.images.pixels.cols() == 64 * 64);
  CHECK(batch.steps == *std::max_element(batch.lengths.begin(), batch.lengths.end()));
  for (int b = 0; b < 4; ++b) {
    const mann::SceneExample example = data.example("train", b);
    CHECK(batch.images.labels[static_cast<std::size_t>(b)] == static_cast<int>(example.scene.items.size()));
    CHECK(batch.references[static_cast<std::size_t>(b)] == example.references);
    const int length = batch.lengths[static_cast<std::size_t>(b)];
    CHECK(batch.token(b, 0) == mann::CaptionVocabulary::kStart);
    CHECK(batch.token(b, length - 1) == mann::CaptionVocabulary::kEnd);
    for (int t = length; t < batch.steps; ++t) CHECK(batch.token(b, t) == mann::CaptionVocabulary::kPad);
    std::vector<int> ids;
    for (int t = 0; t < length; ++t) ids.push_back(batch.token(b, t));
    CHECK(data.vocabulary().decode(ids) == example.references.front());  // canonical by default
  }
  // Teaching any reference: different examples learn from different references.
  options.teacher = mann::TeacherCaption::Any;
  const mann::SceneCaptionData any(mann::testing::synthetic_splits(), options, 0);
  std::set<int> chosen;
  for (int i = 0; i < 30; ++i) chosen.insert(any.example("train", i).teacher);
  CHECK(chosen.size() >= 3);
  CHECK(any.example("train", 0).references == data.example("train", 0).references);
}
