#pragma once
// Cloze examples padded to rectangles for the readers: documents and queries example-major with -1 padding
// (Embedding's nil), the answers, and which entities each example may answer with.
#include <vector>

#include "datasets/reading/cloze_corpus.h"
#include "framework/autodiff/matrix.h"

namespace mann {

struct ReaderBatch {
  int batch = 0;
  int document_steps = 0;     // longest document
  int query_steps = 0;        // longest query
  std::vector<int> document;  // document[b * document_steps + t]
  std::vector<int> query;     // query[b * query_steps + i]
  std::vector<int> answers;   // entity numbers
  Matrix candidates;          // (B x K): 1 where entity k occurs in example b's document
  std::vector<const ClozeExample*> examples;
};

// `entities` is the corpus's K.
ReaderBatch make_reader_batch(std::vector<const ClozeExample*> examples, int entities);

}  // namespace mann
