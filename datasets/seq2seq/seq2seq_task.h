#pragma once
// Generated sequence-to-sequence tasks (reversal, toy translation): a source sentence of token ids and the
// target sentence it maps to, drawn from an Rng so the same seed gives the same examples. Lengths count
// source tokens; evaluation may use longer sentences than training, to measure generalisation by length.
#include <string>
#include <utility>
#include <vector>

#include "datasets/algorithmic/sequence_task.h"
#include "framework/util/rng.h"

namespace mann {

// Target id 0 of every task is the end-of-sentence token: each target ends with it.
inline constexpr int kEndOfSentence = 0;

struct Seq2SeqExample {
  std::vector<int> source;  // ids into source_words()
  std::vector<int> target;  // ids into target_words(), ending with kEndOfSentence
};

// Examples padded to a rectangle, example-major: source[b * source_steps + t], target[b * target_steps + t];
// padding is -1 (the nil id of Embedding and the ignored target of softmax_cross_entropy).
struct Seq2SeqBatch {
  int batch = 0;
  int source_steps = 0;
  int target_steps = 0;
  std::vector<int> source;
  std::vector<int> target;
  std::vector<Seq2SeqExample> examples;

  int source_length(int b) const { return static_cast<int>(examples[static_cast<size_t>(b)].source.size()); }
};

Seq2SeqBatch make_seq2seq_batch(std::vector<Seq2SeqExample> examples);

class Seq2SeqTask {
 public:
  virtual ~Seq2SeqTask() = default;

  virtual std::string name() const = 0;
  const std::vector<std::string>& source_words() const { return source_words_; }
  const std::vector<std::string>& target_words() const { return target_words_; }  // [0] = "<eos>"

  // One example whose source has exactly `length` tokens.
  virtual Seq2SeqExample generate(int length, Rng& rng) const = 0;
  // Examples with lengths drawn uniformly from `lengths`.
  std::vector<Seq2SeqExample> sample(int batch, Rng& rng, const LengthRange& lengths) const;

  const LengthRange& train_lengths() const { return train_lengths_; }
  const LengthRange& eval_lengths() const { return eval_lengths_; }
  virtual int min_allowed_length() const { return 1; }
  // The lengths a split draws: training lengths for "train", evaluation lengths for "valid" and "test";
  // UserError for any other split.
  const LengthRange& split_lengths(const std::string& split) const;

  // `batch` examples of a split. Generated tasks draw new examples with the split's lengths (sample()); a
  // corpus (the treebank) draws from the split's own sentences.
  virtual std::vector<Seq2SeqExample> sample_split(const std::string& split, int batch, Rng& rng) const;
  // The most tokens decoding may write for a source of `source_length` tokens (an unlearned model rarely
  // emits <eos>).
  virtual int max_output_length(int source_length) const { return 2 * source_length + 2; }
  // Whether source ids are the sentence's words last to first (the treebank feeds them so): views show
  // them back in reading order.
  virtual bool source_reversed() const { return false; }
  // Names of the task's own evaluation metrics (parsing: bracketing F1), appended to the learner's.
  virtual std::vector<std::string> task_metric_names() const { return {}; }
  // The task's metrics of decoded outputs (`predicted[i]` for `examples[i]`), named as task_metric_names().
  virtual std::vector<std::pair<std::string, double>> task_metrics(
      const std::vector<Seq2SeqExample>& examples, const std::vector<std::vector<int>>& predicted) const {
    (void)examples, (void)predicted;
    return {};
  }

  // Words of ids, separated by spaces.
  std::string source_text(const std::vector<int>& ids) const;
  std::string target_text(const std::vector<int>& ids) const;

 protected:
  Seq2SeqTask(std::vector<std::string> source_words, std::vector<std::string> target_words, LengthRange train,
              LengthRange eval)
      : source_words_(std::move(source_words)),
        target_words_(std::move(target_words)),
        train_lengths_(train),
        eval_lengths_(eval) {}
  // Derived constructors call this once their own options are checked (no virtual calls in constructors).
  void check_ranges() const;

 private:
  std::vector<std::string> source_words_;
  std::vector<std::string> target_words_;
  LengthRange train_lengths_;
  LengthRange eval_lengths_;
};

}  // namespace mann
