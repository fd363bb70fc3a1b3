#pragma once
// Constituency parsing as a seq2seq task ("Grammar as a Foreign Language", Vinyals et al. 2015): the source
// is a sentence's words (optionally reversed, as the paper feeds them), the target its linearised tree
// (linearisation.h) ending with <eos>. The sentences come from a treebank with train/valid/test splits,
// either generated from a grammar (grammar.h; the shipped one is unambiguous, so the reachable F1 is 100) or
// read from bracketed files. Evaluation adds labelled bracketing F1 (bracket_f1.h) overall and by sentence
// length, and the share of outputs that were not well-formed trees (repaired before scoring).
#include <string>
#include <vector>

#include "datasets/seq2seq/seq2seq_task.h"
#include "datasets/treebank/grammar.h"
#include "datasets/treebank/parse_tree.h"

namespace mann {

struct TreebankSplits {
  std::vector<ParseTree> train, valid, test;
};

struct GeneratedTreebankOptions {
  int train_sentences = 20000;
  int valid_sentences = 500;
  int test_sentences = 1000;
  uint64_t seed = 0;  // the corpus, not the experiment seed: every run sees the same sentences
};

// Distinct sentences drawn from `grammar`, training ones with `train` lengths, validation and test ones with
// `eval` lengths; no sentence (word string) is in two splits. UserError when the grammar cannot give enough.
TreebankSplits generate_treebank(const Grammar& grammar, const GeneratedTreebankOptions& options,
                                 LengthRange train, LengthRange eval);

// The files a treebank directory holds: train.mrg, valid.mrg, test.mrg (bracketed trees, any number each).
inline const std::vector<std::string> kTreebankFiles = {"train.mrg", "valid.mrg", "test.mrg"};
// Reads the three files of `dir`; a UserError lists every missing one and says how the directory was chosen
// (`dir_origin`).
TreebankSplits load_treebank_files(const std::string& dir, const std::string& dir_origin);

struct TreebankTaskOptions {
  int min_length = 3;  // words
  int max_length = 30;
  int eval_min_length = 0;  // 0/0: same as training
  int eval_max_length = 0;
  bool reverse_input = true;  // the words are fed last to first, as in the paper
  int length_bucket = 10;     // width of the length buckets F1 is reported by (f1_len_1_10, ...)
};

class TreebankTask : public Seq2SeqTask {
 public:
  // Sentences outside a split's lengths are left out; a split left empty is a UserError.
  TreebankTask(TreebankSplits splits, const TreebankTaskOptions& options);

  std::string name() const override { return "treebank"; }
  // A random test sentence of exactly `length` words; UserError when the test split has none.
  Seq2SeqExample generate(int length, Rng& rng) const override;
  std::vector<Seq2SeqExample> sample_split(const std::string& split, int batch, Rng& rng) const override;
  // A tree has at most one bracket pair per phrase and phrases are few per word: 6 tokens a word is ample.
  int max_output_length(int source_length) const override { return 6 * source_length + 10; }
  bool source_reversed() const override { return options_.reverse_input; }
  // f1, precision, recall, ill_formed, then f1_len_A_B for each length bucket of the evaluation lengths
  // (NaN when an evaluation drew no sentence of that bucket).
  std::vector<std::string> task_metric_names() const override;
  std::vector<std::pair<std::string, double>> task_metrics(
      const std::vector<Seq2SeqExample>& examples,
      const std::vector<std::vector<int>>& predicted) const override;

  // The example of a tree: word ids (unknown words: <unk>) and linearised-tree ids ending with <eos>.
  Seq2SeqExample example(const ParseTree& tree) const;
  // The tree an output (target ids, <eos> optional) describes over a source's words, repaired if needed.
  ParseTree output_tree(const std::vector<int>& source, const std::vector<int>& output,
                        bool* well_formed) const;
  // Sentences of a split (after the length filter).
  const std::vector<ParseTree>& split_trees(const std::string& split) const;

 private:
  struct Bucket {
    int first, last;  // words, inclusive
  };
  std::vector<std::string> source_words_of(const std::vector<int>& source) const;

  TreebankSplits splits_;
  TreebankTaskOptions options_;
  std::vector<Bucket> buckets_;
};

}  // namespace mann
