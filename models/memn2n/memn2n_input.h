#pragma once
// A batch of bAbI questions in the form the MemN2N forward pass consumes: flat id arrays for the bag-of-words
// op, the temporal index of every memory slot, the slot mask and the position-encoding weights.
#include <vector>

#include "datasets/babi/babi_batch.h"
#include "framework/autodiff/matrix.h"
#include "models/memn2n/memn2n_options.h"

namespace mann {

struct MemN2NInput {
  int batch = 0;
  int slots = 0;         // memory slots per example (N)
  int sentence_len = 0;  // words per slot
  int question_len = 0;
  std::vector<int> sentences;  // B*N bags of sentence_len ids, -1 = padding
  std::vector<int> time;       // B*N temporal indices (0 = most recent memory), -1 for unused slots
  std::vector<int> question;   // B bags of question_len ids
  Matrix mask;                 // (B x N): 1 where a slot holds a memory (a statement or an empty RN memory)
  Matrix sentence_pe, question_pe;  // position-encoding weights (empty for bag of words)
};

// Fills `in` from `batch` (storage reused across calls). Slot m of example b is a memory iff
// m < batch.sentence_count[b]; the slots after it are masked out of the attention, unless
// `attend_empty_slots`, which leaves every padded slot in the softmax as a zero memory (as in the
// authors' MemN2N code, where a hop can so put weight on "nothing").
void make_memn2n_input(const BabiBatch& batch, SentenceEncoding encoding, int dim, MemN2NInput& in,
                       bool attend_empty_slots = false);

}  // namespace mann
