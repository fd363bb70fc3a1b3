#include "datasets/reading/babi_cloze.h"

#include <algorithm>

#include "datasets/reading/entity_anonymiser.h"
#include "framework/autodiff/errors.h"

namespace mann {
namespace {

// Words that open a statement or follow "the" without naming a person, object or place.
bool function_word(const std::string& w) {
  static const std::set<std::string> words = {
      "the",        "a",     "an",   "it",   "he", "she", "they", "there", "if",    "then",    "following",
      "afterwards", "after", "this", "that", "is", "was", "yes",  "no",    "maybe", "nothing", "none"};
  return words.count(w) != 0;
}

constexpr const char* kEndOfStatement = ".";

}  // namespace

std::set<std::string> babi_entity_words(const BabiFile& file) {
  std::set<std::string> entities;
  const auto add = [&](const std::string& w) {
    if (!w.empty() && !function_word(w) && w.find(',') == std::string::npos) entities.insert(w);
  };
  for (const BabiRawQuestion& q : file.questions) add(q.answer);
  for (const BabiStory& story : file.stories)
    for (const BabiTokens& s : story.sentences) {
      if (!s.empty()) add(s.front());
      for (size_t i = 0; i + 1 < s.size(); ++i)
        if (s[i] == "the") add(s[i + 1]);
    }
  return entities;
}

std::vector<std::string> babi_cloze_query(const std::vector<std::string>& question) {
  if (question.size() >= 3 && question.front() == "where") {
    std::vector<std::string> query(question.begin() + 2, question.end());
    query.insert(query.end(), {question[1], "in", kPlaceholder});
    return query;
  }
  std::vector<std::string> query = question;
  for (std::string& w : query)
    if (w == "who" || w == "what" || w == "which") {
      w = kPlaceholder;
      return query;
    }
  query.push_back(kPlaceholder);  // no wh-word: the answer follows the question
  return query;
}

AnonymisedBabi anonymise_babi_file(const BabiFile& file, int memory_size, Rng& rng) {
  const std::set<std::string> entities = babi_entity_words(file);
  const EntityTest is_entity = [&](const std::string& w) { return entities.count(w) != 0; };
  AnonymisedBabi out;
  out.file.task = file.task;
  for (const BabiRawQuestion& q : file.questions) {
    const std::vector<BabiTokens>& sentences = file.stories[static_cast<size_t>(q.story)].sentences;
    const int first = std::max(0, q.sentence_count - memory_size);
    std::vector<std::string> document;  // the statements, each ended by "."
    for (int s = first; s < q.sentence_count; ++s) {
      const BabiTokens& words = sentences[static_cast<size_t>(s)];
      document.insert(document.end(), words.begin(), words.end());
      document.push_back(kEndOfStatement);
    }
    if (!is_entity(q.answer) || std::find(document.begin(), document.end(), q.answer) == document.end()) {
      ++out.skipped;
      continue;
    }
    const ClozeText cloze =
        anonymise_entities(document, babi_cloze_query(q.question), q.answer, is_entity, &rng);
    BabiStory story;  // the anonymised document split back into statements
    story.sentences.emplace_back();
    for (const std::string& w : cloze.document)
      if (w == kEndOfStatement)
        story.sentences.emplace_back();
      else
        story.sentences.back().push_back(w);
    story.sentences.pop_back();  // the empty one after the last "."
    BabiRawQuestion anonymised{static_cast<int>(out.file.stories.size()),
                               static_cast<int>(story.sentences.size()),
                               cloze.query,
                               cloze.answer,
                               {}};
    for (int s : q.supporting)
      if (s >= first) anonymised.supporting.push_back(s - first);
    out.file.stories.push_back(std::move(story));
    out.file.questions.push_back(std::move(anonymised));
  }
  return out;
}

ClozeText babi_example_as_cloze(const BabiExample& example, const Vocabulary& vocab) {
  ClozeText text;
  for (const std::vector<int>& sentence : example.story) {
    for (int id : sentence) text.document.push_back(vocab.word(id));
    text.document.push_back(kEndOfStatement);
  }
  for (int id : example.question) text.query.push_back(vocab.word(id));
  text.answer = vocab.word(example.answer);
  return text;
}

}  // namespace mann
