#include "datasets/reading/cloze_corpus.h"

#include <algorithm>
#include <set>

#include "framework/autodiff/errors.h"

namespace mann {
namespace {

ClozeExample encode(const ClozeText& text, const Vocabulary& vocab) {
  ClozeExample e;
  e.document = vocab.ids(text.document);
  e.query = vocab.ids(text.query);
  e.answer = entity_number(text.answer);
  std::set<int> candidates;
  for (const std::string& w : text.document)
    if (const int n = entity_number(w); n >= 0) candidates.insert(n);
  e.candidates.assign(candidates.begin(), candidates.end());
  e.text = text;
  return e;
}

}  // namespace

const std::vector<ClozeExample>& ClozeCorpus::split(const std::string& name) const {
  if (name == "train") return train;
  if (name == "valid") return valid;
  if (name == "test") return test;
  throw UserError("a cloze dataset has no split `" + name + "` (train, valid or test)");
}

ClozeCorpus build_cloze_corpus(const std::vector<ClozeText>& train, const std::vector<ClozeText>& valid,
                               const std::vector<ClozeText>& test) {
  std::vector<std::string> words = {kPlaceholder};
  int entities = 0;
  for (const auto* split : {&train, &valid, &test})
    for (const ClozeText& t : *split)
      for (const auto* part : {&t.document, &t.query})
        for (const std::string& w : *part) {
          words.push_back(w);
          entities = std::max(entities, entity_number(w) + 1);
        }
  for (int n = 0; n < entities; ++n) words.push_back(entity_token(n));
  ClozeCorpus corpus;
  corpus.vocab = Vocabulary(std::move(words));
  corpus.entities = entities;
  const std::pair<const std::vector<ClozeText>*, std::vector<ClozeExample>*> splits[] = {
      {&train, &corpus.train}, {&valid, &corpus.valid}, {&test, &corpus.test}};
  for (const auto& [texts, examples] : splits) {
    if (texts->empty())
      throw UserError("a cloze dataset needs questions in every split (train, valid, test)");
    for (const ClozeText& t : *texts) examples->push_back(encode(t, corpus.vocab));
  }
  return corpus;
}

}  // namespace mann
