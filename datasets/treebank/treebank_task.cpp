#include "datasets/treebank/treebank_task.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <set>

#include "datasets/treebank/bracket_f1.h"
#include "datasets/treebank/bracketed_reader.h"
#include "datasets/treebank/linearisation.h"
#include "framework/autodiff/errors.h"

namespace mann {
namespace {

constexpr const char* kUnknownWord = "<unk>";

int length_of(const ParseTree& t) {
  return static_cast<int>(tree_words(t).size());
}

bool within(const LengthRange& r, int n) {
  return n >= r.min && n <= r.max;
}

void collect_labels(const ParseTree& t, std::set<std::string>& labels) {
  if (t.is_word() || t.is_preterminal()) return;
  labels.insert(t.label);
  for (const ParseTree& c : t.children) collect_labels(c, labels);
}

// <unk>, then the training words in sorted order.
std::vector<std::string> source_vocabulary(const TreebankSplits& s) {
  std::set<std::string> words;
  for (const ParseTree& t : s.train)
    for (std::string& w : tree_words(t)) words.insert(std::move(w));
  std::vector<std::string> out = {kUnknownWord};
  out.insert(out.end(), words.begin(), words.end());
  return out;
}

// <eos>, XX, then (L and )L of every phrase label of any split (labels are a closed set, unlike words).
std::vector<std::string> target_vocabulary(const TreebankSplits& s) {
  std::set<std::string> labels;
  for (const auto* split : {&s.train, &s.valid, &s.test})
    for (const ParseTree& t : *split) collect_labels(t, labels);
  std::vector<std::string> out = {"<eos>", kPartOfSpeechToken};
  for (const std::string& l : labels) {
    out.push_back("(" + l);
    out.push_back(")" + l);
  }
  return out;
}

int index_of(const std::vector<std::string>& words, const std::string& w) {
  const auto it = std::find(words.begin(), words.end(), w);
  return it == words.end() ? -1 : static_cast<int>(it - words.begin());
}

}  // namespace

TreebankSplits generate_treebank(const Grammar& grammar, const GeneratedTreebankOptions& o, LengthRange train,
                                 LengthRange eval) {
  Rng rng(o.seed);
  TreebankSplits out;
  std::set<std::vector<std::string>> seen;  // word strings already in a split
  const int longest = std::max(train.max, eval.max);
  const auto fill = [&](std::vector<ParseTree>& split, int wanted, const LengthRange& lengths,
                        const char* name) {
    const int64_t max_draws = 1000 * static_cast<int64_t>(wanted) + 1000000;  // long lengths are rare
    for (int64_t draws = 0; static_cast<int>(split.size()) < wanted; ++draws) {
      if (draws == max_draws)
        throw UserError("treebank: the grammar gave only " + std::to_string(split.size()) + " distinct " +
                        name + " sentences of " + std::to_string(lengths.min) + ".." +
                        std::to_string(lengths.max) + " words in " + std::to_string(max_draws) +
                        " draws (wanted " + std::to_string(wanted) + "): ask for fewer or widen the lengths");
      std::optional<ParseTree> tree = grammar.generate(rng, longest);
      if (!tree || !within(lengths, length_of(*tree))) continue;
      if (seen.insert(tree_words(*tree)).second) split.push_back(std::move(*tree));
    }
  };
  fill(out.train, o.train_sentences, train, "training");
  fill(out.valid, o.valid_sentences, eval, "validation");
  fill(out.test, o.test_sentences, eval, "test");
  return out;
}

TreebankSplits load_treebank_files(const std::string& dir, const std::string& dir_origin) {
  std::string missing;
  for (const std::string& f : kTreebankFiles)
    if (!std::filesystem::is_regular_file(std::filesystem::path(dir) / f)) missing += " " + f;
  if (!missing.empty())
    throw UserError(
        "treebank: " + dir + " (the data directory, from " + dir_origin + ") lacks" + missing +
        "; a treebank directory holds train.mrg, valid.mrg and test.mrg (bracketed trees, e.g. WSJ "
        "sections 2-21, 22 and 23)");
  const auto read = [&](const std::string& f) {
    return read_bracketed_file((std::filesystem::path(dir) / f).string());
  };
  return {read("train.mrg"), read("valid.mrg"), read("test.mrg")};
}

TreebankTask::TreebankTask(TreebankSplits splits, const TreebankTaskOptions& o)
    : Seq2SeqTask(source_vocabulary(splits), target_vocabulary(splits),
                  LengthRange{o.min_length, o.max_length},
                  sequence_detail::eval_or_train(o.eval_min_length, o.eval_max_length,
                                                 LengthRange{o.min_length, o.max_length})),
      splits_(std::move(splits)),
      options_(o) {
  check_ranges();
  if (o.length_bucket <= 0) throw UserError("treebank: length_bucket must be positive");
  const std::pair<const char*, std::vector<ParseTree>*> all[] = {
      {"train", &splits_.train}, {"valid", &splits_.valid}, {"test", &splits_.test}};
  for (const auto& [split, split_trees] : all) {
    const LengthRange& lengths = split_lengths(split);
    std::vector<ParseTree>& trees = *split_trees;
    std::erase_if(trees, [&](const ParseTree& t) { return !within(lengths, length_of(t)); });
    if (trees.empty())
      throw UserError(std::string("treebank: the ") + split + " split has no sentence of " +
                      std::to_string(lengths.min) + ".." + std::to_string(lengths.max) + " words");
  }
  const LengthRange& e = eval_lengths();
  for (int first = (e.min - 1) / o.length_bucket * o.length_bucket + 1; first <= e.max;
       first += o.length_bucket)
    buckets_.push_back({first, first + o.length_bucket - 1});
}

const std::vector<ParseTree>& TreebankTask::split_trees(const std::string& split) const {
  split_lengths(split);  // refuses an unknown split
  return split == "train" ? splits_.train : split == "valid" ? splits_.valid : splits_.test;
}

Seq2SeqExample TreebankTask::example(const ParseTree& tree) const {
  Seq2SeqExample e;
  for (const std::string& w : tree_words(tree)) e.source.push_back(std::max(0, index_of(source_words(), w)));
  if (options_.reverse_input) std::reverse(e.source.begin(), e.source.end());
  for (const std::string& token : linearise(tree)) e.target.push_back(index_of(target_words(), token));
  e.target.push_back(kEndOfSentence);
  return e;
}

Seq2SeqExample TreebankTask::generate(int length, Rng& rng) const {
  std::vector<const ParseTree*> fitting;
  for (const ParseTree& t : splits_.test)
    if (length_of(t) == length) fitting.push_back(&t);
  if (fitting.empty()) throw UserError("treebank: no test sentence has " + std::to_string(length) + " words");
  return example(*fitting[static_cast<size_t>(rng.uniform_int(static_cast<int>(fitting.size())))]);
}

std::vector<Seq2SeqExample> TreebankTask::sample_split(const std::string& split, int batch, Rng& rng) const {
  const std::vector<ParseTree>& trees = split_trees(split);
  std::vector<Seq2SeqExample> out;
  for (int i = 0; i < batch; ++i)
    out.push_back(example(trees[static_cast<size_t>(rng.uniform_int(static_cast<int>(trees.size())))]));
  return out;
}

std::vector<std::string> TreebankTask::source_words_of(const std::vector<int>& source) const {
  std::vector<std::string> words;
  for (int id : source) words.push_back(source_words().at(static_cast<size_t>(id)));
  if (options_.reverse_input) std::reverse(words.begin(), words.end());
  return words;
}

ParseTree TreebankTask::output_tree(const std::vector<int>& source, const std::vector<int>& output,
                                    bool* well_formed) const {
  std::vector<std::string> tokens;
  bool ended = false;
  for (int id : output) {
    if (id == kEndOfSentence) {
      ended = true;
      break;
    }
    tokens.push_back(target_words().at(static_cast<size_t>(id)));
  }
  Delinearised d = delinearise(tokens, source_words_of(source));
  if (well_formed)
    *well_formed = d.well_formed && (ended || output.empty() || output.back() == kEndOfSentence);
  return std::move(d.tree);
}

std::vector<std::string> TreebankTask::task_metric_names() const {
  std::vector<std::string> names = {"f1", "precision", "recall", "ill_formed"};
  for (const Bucket& b : buckets_)
    names.push_back("f1_len_" + std::to_string(b.first) + "_" + std::to_string(b.last));
  return names;
}

std::vector<std::pair<std::string, double>> TreebankTask::task_metrics(
    const std::vector<Seq2SeqExample>& examples, const std::vector<std::vector<int>>& predicted) const {
  BracketCounts all;
  std::vector<BracketCounts> by_bucket(buckets_.size());
  std::vector<int> bucket_sentences(buckets_.size(), 0);
  double ill_formed = 0;
  for (size_t i = 0; i < examples.size(); ++i) {
    const Seq2SeqExample& e = examples[i];
    bool well_formed = true;
    const ParseTree gold = output_tree(e.source, e.target, nullptr);
    const BracketCounts counts = bracket_counts(gold, output_tree(e.source, predicted[i], &well_formed));
    ill_formed += !well_formed;
    all += counts;
    const int n = static_cast<int>(e.source.size());
    for (size_t b = 0; b < buckets_.size(); ++b)
      if (n >= buckets_[b].first && n <= buckets_[b].last) {
        by_bucket[b] += counts;
        ++bucket_sentences[b];
      }
  }
  std::vector<std::pair<std::string, double>> out = {
      {"f1", all.f1()},
      {"precision", all.precision()},
      {"recall", all.recall()},
      {"ill_formed", ill_formed / std::max<size_t>(1, examples.size())}};
  const std::vector<std::string> names = task_metric_names();
  for (size_t b = 0; b < buckets_.size(); ++b)
    out.emplace_back(names[4 + b],
                     bucket_sentences[b] > 0 ? by_bucket[b].f1() : std::numeric_limits<double>::quiet_NaN());
  return out;
}

}  // namespace mann
