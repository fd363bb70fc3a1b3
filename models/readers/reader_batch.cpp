#include "models/readers/reader_batch.h"

#include <algorithm>

namespace mann {

ReaderBatch make_reader_batch(std::vector<const ClozeExample*> examples, int entities) {
  ReaderBatch out;
  out.batch = static_cast<int>(examples.size());
  for (const ClozeExample* e : examples) {
    out.document_steps = std::max(out.document_steps, static_cast<int>(e->document.size()));
    out.query_steps = std::max(out.query_steps, static_cast<int>(e->query.size()));
  }
  out.document.assign(static_cast<size_t>(out.batch * out.document_steps), -1);
  out.query.assign(static_cast<size_t>(out.batch * out.query_steps), -1);
  out.candidates = Matrix::Zero(out.batch, entities);
  for (int b = 0; b < out.batch; ++b) {
    const ClozeExample& e = *examples[static_cast<size_t>(b)];
    std::copy(e.document.begin(), e.document.end(), out.document.begin() + b * out.document_steps);
    std::copy(e.query.begin(), e.query.end(), out.query.begin() + b * out.query_steps);
    out.answers.push_back(e.answer);
    for (int k : e.candidates) out.candidates(b, k) = 1.f;
  }
  out.examples = std::move(examples);
  return out;
}

}  // namespace mann
