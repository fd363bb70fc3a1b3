#include "datasets/seq2seq/toy_translation_task.h"

#include <array>
#include <sstream>

#include "framework/autodiff/errors.h"

namespace mann {
namespace {

enum class Category { Determiner, Adjective, Noun, Verb, And };

struct LexiconEntry {
  const char* source;
  const char* target;
  Category category;
};

// Source word id i is entry i; its target word id is i + 1 (target id 0 is <eos>).
constexpr std::array<LexiconEntry, 23> kLexicon = {{
    {"the", "le", Category::Determiner},
    {"a", "un", Category::Determiner},
    {"big", "grand", Category::Adjective},
    {"small", "petit", Category::Adjective},
    {"red", "rouge", Category::Adjective},
    {"old", "vieux", Category::Adjective},
    {"happy", "content", Category::Adjective},
    {"green", "vert", Category::Adjective},
    {"cat", "chat", Category::Noun},
    {"dog", "chien", Category::Noun},
    {"bird", "oiseau", Category::Noun},
    {"man", "homme", Category::Noun},
    {"woman", "femme", Category::Noun},
    {"child", "enfant", Category::Noun},
    {"horse", "cheval", Category::Noun},
    {"fish", "poisson", Category::Noun},
    {"sees", "voit", Category::Verb},
    {"likes", "aime", Category::Verb},
    {"chases", "chasse", Category::Verb},
    {"finds", "trouve", Category::Verb},
    {"helps", "aide", Category::Verb},
    {"eats", "mange", Category::Verb},
    {"and", "et", Category::And},
}};

constexpr int kMaxAdjectives = 3;  // per noun phrase
constexpr int kMinClause = 5;      // det noun verb det noun
constexpr int kMaxClause = kMinClause + 2 * kMaxAdjectives;

std::vector<std::string> source_lexicon() {
  std::vector<std::string> words;
  for (const LexiconEntry& e : kLexicon) words.push_back(e.source);
  return words;
}

std::vector<std::string> target_lexicon() {
  std::vector<std::string> words = {"<eos>"};
  for (const LexiconEntry& e : kLexicon) words.push_back(e.target);
  return words;
}

Category category(int id) {
  return kLexicon.at(static_cast<size_t>(id)).category;
}

// A random word of a category.
int draw(Category c, Rng& rng) {
  std::vector<int> ids;
  for (size_t i = 0; i < kLexicon.size(); ++i)
    if (kLexicon[i].category == c) ids.push_back(static_cast<int>(i));
  return ids[static_cast<size_t>(rng.uniform_int(static_cast<int>(ids.size())))];
}

[[noreturn]] void not_grammatical(const std::vector<int>& source, const std::string& why) {
  std::string text;
  for (int id : source)
    text += (text.empty() ? "" : " ") + std::string(kLexicon.at(static_cast<size_t>(id)).source);
  throw UserError("toy_translation: `" + text + "` is not a sentence of the grammar: " + why);
}

// det adjective* noun -> det noun adjective*, as target ids.
void translate_noun_phrase(const std::vector<int>& source, size_t first, size_t last, std::vector<int>& out) {
  if (last - first < 2 || category(source[first]) != Category::Determiner ||
      category(source[last - 1]) != Category::Noun)
    not_grammatical(source, "a noun phrase is det adjective* noun");
  for (size_t i = first + 1; i + 1 < last; ++i)
    if (category(source[i]) != Category::Adjective)
      not_grammatical(source, "a noun phrase is det adjective* noun");
  out.push_back(source[first] + 1);
  out.push_back(source[last - 1] + 1);
  for (size_t i = first + 1; i + 1 < last; ++i) out.push_back(source[i] + 1);
}

}  // namespace

ToyTranslationTask::ToyTranslationTask(const ToyTranslationTaskOptions& o)
    : Seq2SeqTask(source_lexicon(), target_lexicon(), LengthRange{o.min_length, o.max_length},
                  sequence_detail::eval_or_train(o.eval_min_length, o.eval_max_length,
                                                 LengthRange{o.min_length, o.max_length})) {
  check_ranges();
}

Seq2SeqExample ToyTranslationTask::generate(int length, Rng& rng) const {
  // k clauses joined by "and" cover lengths 6k-1 .. 12k-1; draw a feasible k, then spread the words beyond
  // the minimum over the noun phrases as adjectives.
  const int k_min = (length + 1 + kMaxClause) / (kMaxClause + 1);
  const int k_max = (length + 1) / (kMinClause + 1);
  const int clauses = k_min + rng.uniform_int(k_max - k_min + 1);
  std::vector<int> adjectives(static_cast<size_t>(2 * clauses), 0);
  for (int extra = length - ((kMinClause + 1) * clauses - 1); extra > 0; --extra) {
    int np = rng.uniform_int(2 * clauses);
    while (adjectives[static_cast<size_t>(np)] == kMaxAdjectives) np = (np + 1) % (2 * clauses);
    ++adjectives[static_cast<size_t>(np)];
  }
  Seq2SeqExample e;
  const auto noun_phrase = [&](int np) {
    e.source.push_back(draw(Category::Determiner, rng));
    for (int i = 0; i < adjectives[static_cast<size_t>(np)]; ++i)
      e.source.push_back(draw(Category::Adjective, rng));
    e.source.push_back(draw(Category::Noun, rng));
  };
  for (int c = 0; c < clauses; ++c) {
    if (c > 0) e.source.push_back(draw(Category::And, rng));
    noun_phrase(2 * c);
    e.source.push_back(draw(Category::Verb, rng));
    noun_phrase(2 * c + 1);
  }
  e.target = translate(e.source);
  return e;
}

std::vector<int> ToyTranslationTask::translate(const std::vector<int>& source) const {
  std::vector<int> out;
  size_t start = 0;
  while (start <= source.size()) {
    size_t end = start;
    while (end < source.size() && category(source[end]) != Category::And) ++end;
    size_t verb = start;
    while (verb < end && category(source[verb]) != Category::Verb) ++verb;
    if (verb == end) not_grammatical(source, "every clause needs a verb");
    if (start > 0) out.push_back(source[start - 1] + 1);  // "and"
    translate_noun_phrase(source, start, verb, out);
    translate_noun_phrase(source, verb + 1, end, out);
    out.push_back(source[verb] + 1);  // the verb ends its clause
    start = end + 1;
  }
  out.push_back(kEndOfSentence);
  return out;
}

std::vector<int> ToyTranslationTask::source_ids(const std::string& text) const {
  std::vector<int> ids;
  std::istringstream words(text);
  for (std::string w; words >> w;) {
    size_t i = 0;
    while (i < kLexicon.size() && w != kLexicon[i].source) ++i;
    if (i == kLexicon.size()) throw UserError("toy_translation: unknown source word `" + w + "`");
    ids.push_back(static_cast<int>(i));
  }
  return ids;
}

}  // namespace mann
