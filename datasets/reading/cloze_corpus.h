#pragma once
// Cloze questions encoded for the readers: word ids of document and query, the answer as an entity number,
// and the document's entities (the candidates a reader may restrict its answer to). One vocabulary covers
// the words of every split, the entity tokens @entity0..@entity{K-1} and @placeholder.
#include <string>
#include <vector>

#include "datasets/babi/vocabulary.h"
#include "datasets/dataset.h"
#include "datasets/reading/cloze_example.h"

namespace mann {

struct ClozeExample {
  std::vector<int> document;    // word ids
  std::vector<int> query;       // word ids, one of them @placeholder's
  int answer = 0;               // entity number N of @entityN
  std::vector<int> candidates;  // entity numbers occurring in the document, ascending
  ClozeText text;               // the words, for views
};

struct ClozeCorpus {
  Vocabulary vocab;
  int entities = 0;  // K: entity numbers are 0..K-1
  std::vector<ClozeExample> train, valid, test;
  int skipped = 0;  // source questions without a cloze form (bAbI)

  // The vocabulary id of @entityN.
  int entity_word(int number) const { return vocab.id(entity_token(number)); }
  // The split by name ("train", "valid", "test"); UserError otherwise.
  const std::vector<ClozeExample>& split(const std::string& name) const;
};

// Encodes the three splits over one vocabulary. Throws UserError when a split is empty.
ClozeCorpus build_cloze_corpus(const std::vector<ClozeText>& train, const std::vector<ClozeText>& valid,
                               const std::vector<ClozeText>& test);

// A cloze corpus as an experiment's `dataset:` (family "cloze"), learned by the `reader` model.
class ClozeDataset : public Dataset {
 public:
  ClozeDataset(std::string type, ClozeCorpus corpus) : type_(std::move(type)), corpus_(std::move(corpus)) {}
  std::string family() const override { return "cloze"; }
  std::string type() const override { return type_; }
  ClozeCorpus& corpus() { return corpus_; }

 private:
  std::string type_;
  ClozeCorpus corpus_;
};

}  // namespace mann
