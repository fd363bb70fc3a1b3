#include "models/memn2n/memn2n_input.h"

#include "models/memn2n/position_encoding.h"

namespace mann {

void make_memn2n_input(const BabiBatch& batch, SentenceEncoding encoding, int dim, MemN2NInput& in,
                       bool attend_empty_slots) {
  in.batch = batch.batch;
  in.slots = batch.shape.memory_size;
  in.sentence_len = batch.shape.sentence_len;
  in.question_len = batch.shape.question_len;
  in.sentences = batch.sentences;
  in.time = batch.time;
  in.question = batch.question;
  in.mask.resize(in.batch, in.slots);
  for (int b = 0; b < in.batch; ++b)
    for (int m = 0; m < in.slots; ++m)
      in.mask(b, m) = attend_empty_slots || m < batch.sentence_count[b] ? 1.f : 0.f;
  if (encoding != SentenceEncoding::BagOfWords) {
    position_encoding_weights(in.sentences, in.sentence_len, dim, in.sentence_pe, encoding);
    position_encoding_weights(in.question, in.question_len, dim, in.question_pe, encoding);
  } else {
    in.sentence_pe.resize(0, 0);
    in.question_pe.resize(0, 0);
  }
}

}  // namespace mann
