#pragma once
// Sequence reversal: a random sentence over a small vocabulary of symbols, to be written backwards. Output
// token i is input token L-1-i, so attention must sweep the source right to left: the simplest task where a
// decoder that sees only the encoder's final state must hold the whole sentence in one vector.
#include "datasets/seq2seq/seq2seq_task.h"

namespace mann {

struct ReversalTaskOptions {
  int symbols = 10;  // source words "a", "b", ...; the target vocabulary is the same plus <eos>
  int min_length = 5;
  int max_length = 30;
  int eval_min_length = 0;  // 0/0: same as training
  int eval_max_length = 0;
};

class ReversalTask : public Seq2SeqTask {
 public:
  explicit ReversalTask(const ReversalTaskOptions& options = {});

  std::string name() const override { return "reversal"; }
  Seq2SeqExample generate(int length, Rng& rng) const override;

 private:
  int symbols_;
};

}  // namespace mann
