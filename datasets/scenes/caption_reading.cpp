#include "datasets/scenes/caption_reading.h"

#include <optional>

namespace mann {

namespace {

// Whether `phrase` appears in `words` at `at`.
bool matches_at(const CaptionWords& words, std::size_t at, const CaptionWords& phrase) {
  if (at + phrase.size() > words.size()) return false;
  for (std::size_t i = 0; i < phrase.size(); ++i)
    if (words[at + i] != phrase[i]) return false;
  return true;
}

// A phrase found at a position: what it is and how many words it spans.
struct Found {
  enum class Kind { Mention, Relation, Cell } kind;
  int value = 0;  // label, relation or cell, as an int
  std::size_t length = 0;
};

constexpr SpatialRelation kRelations[] = {SpatialRelation::LeftOf, SpatialRelation::RightOf,
                                          SpatialRelation::Above, SpatialRelation::Below};
constexpr SceneCell kCells[] = {SceneCell::TopLeft, SceneCell::TopRight, SceneCell::BottomLeft,
                                SceneCell::BottomRight};

// The longest phrase (class, relation, or "in the" + cell) starting at `at`.
std::optional<Found> phrase_at(const CaptionWords& words, std::size_t at) {
  std::optional<Found> best;
  const auto consider = [&](Found::Kind kind, int value, const CaptionWords& phrase) {
    if (matches_at(words, at, phrase) && (!best || phrase.size() > best->length))
      best = Found{kind, value, phrase.size()};
  };
  const std::vector<CaptionWords>& classes = caption_class_words();
  for (std::size_t label = 0; label < classes.size(); ++label)
    consider(Found::Kind::Mention, static_cast<int>(label), classes[label]);
  for (SpatialRelation relation : kRelations)
    consider(Found::Kind::Relation, static_cast<int>(relation), caption_words(relation));
  for (SceneCell cell : kCells) {
    CaptionWords phrase{"in", "the"};
    const CaptionWords cell_words = caption_words(cell);
    phrase.insert(phrase.end(), cell_words.begin(), cell_words.end());
    consider(Found::Kind::Cell, static_cast<int>(cell), phrase);
  }
  return best;
}

}  // namespace

CaptionReading read_caption(const CaptionWords& words) {
  std::vector<Found> found;  // the phrases in order
  std::vector<std::size_t> starts;
  for (std::size_t at = 0; at < words.size();) {
    const std::optional<Found> phrase = phrase_at(words, at);
    if (!phrase) {
      ++at;
      continue;
    }
    found.push_back(*phrase);
    starts.push_back(at);
    at += phrase->length;
  }
  // Index in `found` of the nearest mention before / after phrase i, or -1.
  const auto mention_before = [&](std::size_t i) {
    for (std::size_t j = i; j-- > 0;)
      if (found[j].kind == Found::Kind::Mention) return static_cast<int>(j);
    return -1;
  };
  const auto mention_after = [&](std::size_t i) {
    for (std::size_t j = i + 1; j < found.size(); ++j)
      if (found[j].kind == Found::Kind::Mention) return static_cast<int>(j);
    return -1;
  };
  CaptionReading reading;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const Found& f = found[i];
    if (f.kind == Found::Kind::Mention) {
      const bool definite = starts[i] > 0 && words[starts[i] - 1] == "the";
      reading.mentions.push_back(ClassMention{f.value, definite});
    } else if (f.kind == Found::Kind::Relation) {
      const int subject = mention_before(i), object = mention_after(i);
      if (subject >= 0 && object >= 0)
        reading.relations.push_back(RelationStatement{found[static_cast<std::size_t>(subject)].value,
                                                      static_cast<SpatialRelation>(f.value),
                                                      found[static_cast<std::size_t>(object)].value});
    } else {
      int item = mention_before(i);
      if (item < 0) item = mention_after(i);
      if (item >= 0)
        reading.cells.push_back(
            CellStatement{found[static_cast<std::size_t>(item)].value, static_cast<SceneCell>(f.value)});
    }
  }
  return reading;
}

}  // namespace mann
