#include "datasets/scenes/caption_grammar.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "datasets/scenes/random_order.h"
#include "datasets/scenes/scene_options.h"

namespace mann {

namespace {

// Random draws of a reference before the fixed phrasings fill what is missing (never needed in practice:
// scenes of two or more items have dozens of distinct captions).
constexpr int kRandomDraws = 48;

// One way of saying a scene of two or more items.
struct Phrasing {
  bool cells = false;     // each item with its quadrant, instead of relations between items
  bool there_is = false;  // opens with "there is"
  bool copula = false;    // "is" after each clause's first item (not after "there is")
  bool and_only = false;  // clauses joined by "and" (else by "," and ", and" before the last)
};

void append(CaptionWords& to, const CaptionWords& words) {
  to.insert(to.end(), words.begin(), words.end());
}

const CaptionWords& class_words(const Scene& scene, int item) {
  const int label = scene.items[static_cast<std::size_t>(item)].label;
  const std::vector<CaptionWords>& all = caption_class_words();
  if (label < 0 || label >= static_cast<int>(all.size()))
    throw std::logic_error("caption grammar: class " + std::to_string(label) + " has no words");
  return all[static_cast<std::size_t>(label)];
}

// "a sneaker", "an ankle boot", or with `definite` "the sneaker".
CaptionWords mention(const Scene& scene, int item, bool definite) {
  const CaptionWords& words = class_words(scene, item);
  const char first = words.front().front();
  const bool vowel = first == 'a' || first == 'e' || first == 'i' || first == 'o' || first == 'u';
  CaptionWords out{definite ? "the" : (vowel ? "an" : "a")};
  append(out, words);
  return out;
}

CaptionWords in_cell(SceneCell cell) {
  CaptionWords out{"in", "the"};
  append(out, caption_words(cell));
  return out;
}

// Of the items order[0..named-1], the one whose centre is nearest to item `item`'s (the later one on a
// tie): the item a new clause relates it to, so that relations stay short and seldom diagonal.
int nearest_named(const Scene& scene, const std::vector<int>& order, std::size_t named, int item) {
  const SceneBox& box = scene.items[static_cast<std::size_t>(item)].box;
  int best = order[0];
  long best_distance = -1;
  for (std::size_t k = 0; k < named; ++k) {
    const SceneBox& other = scene.items[static_cast<std::size_t>(order[k])].box;
    // Doubled centre offsets keep the arithmetic in integers.
    const long dx = (2 * box.x + box.side) - (2 * other.x + other.side);
    const long dy = (2 * box.y + box.side) - (2 * other.y + other.side);
    const long distance = dx * dx + dy * dy;
    if (best_distance < 0 || distance <= best_distance) best = order[k], best_distance = distance;
  }
  return best;
}

// The clauses of `order` in `phrasing`: with relations, clause 0 relates order[0] to order[1] and clause k
// (k >= 1) relates order[k + 1] to the nearest item named before it (nearest_named), so every item is
// named once with "a"; with cells, clause k places order[k].
std::vector<CaptionWords> clauses(const Scene& scene, const std::vector<int>& order,
                                  const Phrasing& phrasing) {
  std::vector<CaptionWords> out;
  const auto& items = scene.items;
  if (phrasing.cells) {
    for (int item : order) {
      CaptionWords clause = mention(scene, item, false);
      if (phrasing.copula && !(item == order.front() && phrasing.there_is)) clause.push_back("is");
      append(clause, in_cell(items[static_cast<std::size_t>(item)].cell));
      out.push_back(std::move(clause));
    }
    return out;
  }
  for (std::size_t k = 0; k + 1 < order.size(); ++k) {
    const int subject = k == 0 ? order[0] : order[k + 1];
    const int object = k == 0 ? order[1] : nearest_named(scene, order, k + 1, subject);
    CaptionWords clause = mention(scene, subject, false);
    if (phrasing.copula && !(k == 0 && phrasing.there_is)) clause.push_back("is");
    append(clause, caption_words(relation_between(items[static_cast<std::size_t>(subject)].box,
                                                  items[static_cast<std::size_t>(object)].box)));
    append(clause, mention(scene, object, k != 0));
    out.push_back(std::move(clause));
  }
  return out;
}

CaptionWords realise(const Scene& scene, const std::vector<int>& order, const Phrasing& phrasing) {
  const std::vector<CaptionWords> parts = clauses(scene, order, phrasing);
  CaptionWords out;
  if (phrasing.there_is) append(out, {"there", "is"});
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (k > 0 && phrasing.and_only) out.push_back("and");
    if (k > 0 && !phrasing.and_only) out.push_back(",");
    if (k > 0 && !phrasing.and_only && k + 1 == parts.size()) out.push_back("and");
    append(out, parts[k]);
  }
  return out;
}

// The five fixed captions of a single item, the canonical one first.
std::vector<CaptionWords> single_item_captions(const Scene& scene) {
  const CaptionWords item = mention(scene, 0, false);
  const CaptionWords where = in_cell(scene.items.front().cell);
  std::vector<CaptionWords> out(5);
  append(out[0], item), append(out[0], where);
  append(out[1], {"there", "is"}), append(out[1], item), append(out[1], where);
  append(out[2], item), out[2].push_back("is"), append(out[2], where);
  append(out[3], where), out[3].push_back("is"), append(out[3], item);
  append(out[4], where), append(out[4], {"there", "is"}), append(out[4], item);
  return out;
}

void add_if_new(std::vector<CaptionWords>& to, CaptionWords caption, int count) {
  if (static_cast<int>(to.size()) < count && std::find(to.begin(), to.end(), caption) == to.end())
    to.push_back(std::move(caption));
}

}  // namespace

const std::vector<CaptionWords>& caption_class_words() {
  static const std::vector<CaptionWords> words = {{"t-shirt"}, {"trouser"},      {"pullover"}, {"dress"},
                                                  {"coat"},    {"sandal"},       {"shirt"},    {"sneaker"},
                                                  {"bag"},     {"ankle", "boot"}};
  return words;
}

CaptionWords caption_words(SpatialRelation relation) {
  switch (relation) {
    case SpatialRelation::LeftOf:
      return {"to", "the", "left", "of"};
    case SpatialRelation::RightOf:
      return {"to", "the", "right", "of"};
    case SpatialRelation::Above:
      return {"above"};
    case SpatialRelation::Below:
      return {"below"};
  }
  throw std::logic_error("caption_words: not a relation");
}

CaptionWords caption_words(SceneCell cell) {
  const bool top = cell == SceneCell::TopLeft || cell == SceneCell::TopRight;
  const bool left = cell == SceneCell::TopLeft || cell == SceneCell::BottomLeft;
  return {top ? "top" : "bottom", left ? "left" : "right"};
}

CaptionWords canonical_caption(const Scene& scene) {
  if (scene.items.empty()) throw std::logic_error("canonical_caption: a scene without items");
  if (scene.items.size() == 1) return single_item_captions(scene).front();
  return realise(scene, reading_order(scene), Phrasing{});
}

std::vector<CaptionWords> scene_references(const Scene& scene, int count, Rng& rng) {
  if (count < kMinReferences || count > kMaxReferences)
    throw std::logic_error("scene_references: " + std::to_string(count) + " references asked for");
  if (scene.items.size() == 1) {
    std::vector<CaptionWords> all = single_item_captions(scene);
    // The canonical one first, then the others in a drawn order.
    const std::vector<int> order = random_order(static_cast<int>(all.size()) - 1, rng);
    std::vector<CaptionWords> out{all.front()};
    for (int i : order) add_if_new(out, all[static_cast<std::size_t>(i) + 1], count);
    return out;
  }
  std::vector<CaptionWords> out{canonical_caption(scene)};
  const int n = static_cast<int>(scene.items.size());
  for (int draw = 0; draw < kRandomDraws && static_cast<int>(out.size()) < count; ++draw) {
    Phrasing phrasing;
    phrasing.cells = rng.uniform_int(4) == 0;  // mostly relations, which say how items stand to each other
    phrasing.there_is = rng.bernoulli(0.5f);
    phrasing.copula = rng.bernoulli(0.5f);
    phrasing.and_only = rng.bernoulli(0.5f);
    add_if_new(out, realise(scene, random_order(n, rng), phrasing), count);
  }
  // Phrasings alone give at least 11 distinct captions of one order (two items: 3 with relations, 8 with
  // cells); reached only if the draws kept repeating.
  const std::vector<int> order = reading_order(scene);
  for (int bits = 1; bits < 16 && static_cast<int>(out.size()) < count; ++bits)
    add_if_new(
        out,
        realise(scene, order, Phrasing{(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0}),
        count);
  return out;
}

std::string caption_text(const CaptionWords& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty() && word != ",") out += ' ';
    out += word;
  }
  return out;
}

}  // namespace mann
