#include "datasets/babi/babi_dataset.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "datasets/babi/babi_files.h"
#include "datasets/data_dir.h"
#include "framework/autodiff/errors.h"
#include "framework/util/rng.h"
#include "framework/util/strings.h"

namespace mann {

namespace {

void collect_words(const BabiFile& file, std::vector<std::string>& words) {
  for (const BabiStory& s : file.stories)
    for (const BabiTokens& sentence : s.sentences)
      words.insert(words.end(), sentence.begin(), sentence.end());
  for (const BabiRawQuestion& q : file.questions) {
    words.insert(words.end(), q.question.begin(), q.question.end());
    words.push_back(q.answer);
  }
}

// Indices of the held-out questions of one task, sorted.
std::vector<int> validation_indices(int n, double fraction, uint64_t seed, int task) {
  const int n_valid = static_cast<int>(std::lround(n * fraction));
  std::vector<int> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  Rng rng(seed * 1000003ull + static_cast<uint64_t>(task));
  for (int i = 0; i < n_valid; ++i) std::swap(perm[i], perm[i + rng.uniform_int(n - i)]);
  perm.resize(n_valid);
  std::sort(perm.begin(), perm.end());
  return perm;
}

void update_maxima(BabiDataset& d, const std::vector<BabiExample>& examples) {
  for (const BabiExample& e : examples) {
    d.max_story_len = std::max(d.max_story_len, static_cast<int>(e.story.size()));
    for (const auto& s : e.story)
      d.max_sentence_len = std::max(d.max_sentence_len, static_cast<int>(s.size()));
    d.max_question_len = std::max(d.max_question_len, static_cast<int>(e.question.size()));
    d.max_supporting = std::max(d.max_supporting, static_cast<int>(e.supporting.size()));
  }
}

}  // namespace

BabiExample encode_babi_question(const BabiFile& file, const BabiRawQuestion& q, const Vocabulary& vocab,
                                 int memory_size) {
  const BabiStory& story = file.stories.at(q.story);
  const int first = std::max(0, q.sentence_count - memory_size);  // oldest statement kept
  BabiExample e;
  e.task = file.task;
  for (int i = first; i < q.sentence_count; ++i) e.story.push_back(vocab.ids(story.sentences[i]));
  e.question = vocab.ids(q.question);
  e.answer = vocab.id(q.answer);
  for (int s : q.supporting)
    if (s >= first) e.supporting.push_back(s - first);
  return e;
}

BabiDataset build_babi_dataset(const std::vector<BabiFile>& train_files,
                               const std::vector<BabiFile>& test_files, const BabiOptions& options) {
  if (train_files.size() != test_files.size()) {
    throw std::invalid_argument("build_babi_dataset: train and test file lists differ in length");
  }
  if (options.memory_size < 1) {
    throw UserError("bAbI memory_size must be >= 1, got " + std::to_string(options.memory_size));
  }
  if (!(options.valid_fraction >= 0.0 && options.valid_fraction < 1.0)) {
    throw UserError("bAbI valid_fraction must be in [0, 1), got " + std::to_string(options.valid_fraction));
  }
  BabiDataset d;
  d.memory_size = options.memory_size;
  std::vector<std::string> words;
  for (const BabiFile& f : train_files) collect_words(f, words);
  if (options.include_test_words)
    for (const BabiFile& f : test_files) collect_words(f, words);
  d.vocab = Vocabulary(std::move(words));

  for (size_t i = 0; i < train_files.size(); ++i) {
    const BabiFile& train = train_files[i];
    d.tasks.push_back(train.task);
    const int n = static_cast<int>(train.questions.size());
    const std::vector<int> held_out =
        validation_indices(n, options.valid_fraction, options.split_seed, train.task);
    size_t next_held = 0;
    for (int k = 0; k < n; ++k) {
      const bool valid = next_held < held_out.size() && held_out[next_held] == k;
      if (valid) ++next_held;
      (valid ? d.valid : d.train)
          .push_back(encode_babi_question(train, train.questions[k], d.vocab, options.memory_size));
    }
    for (const BabiRawQuestion& q : test_files[i].questions) {
      d.test.push_back(encode_babi_question(test_files[i], q, d.vocab, options.memory_size));
    }
  }
  update_maxima(d, d.train);
  update_maxima(d, d.valid);
  update_maxima(d, d.test);
  return d;
}

BabiDataset load_babi(const std::vector<int>& tasks, const BabiOptions& options) {
  if (tasks.empty()) throw UserError("no bAbI task selected");
  const std::string dir = resolve_data_dir(options.data_dir);
  const std::string origin = data_dir_origin(options.data_dir);
  // Locate every file before parsing any, so a missing file is reported at once; of a task set, every task
  // without its files is named, with the set that would load (a partial download, or a file not yet there).
  std::vector<std::pair<std::string, std::string>> paths;
  std::string first_problem;
  std::vector<std::string> missing, present;
  for (int t : tasks) {
    const BabiFileNames names = babi_task_file_names(t);
    try {
      std::string train = find_babi_file(dir, origin, options.ten_k, names.train);  // train first: its
      std::string test = find_babi_file(dir, origin, options.ten_k, names.test);    // absence is reported
      paths.emplace_back(std::move(train), std::move(test));
      present.push_back(std::to_string(t));
    } catch (const UserError& e) {
      if (first_problem.empty()) first_problem = e.what();
      missing.push_back(std::to_string(t));
    }
  }
  if (!first_problem.empty()) {
    if (tasks.size() > 1 && !present.empty())
      first_problem += "\nTasks without their files: " + join(missing, ", ") +
                       ". To train on the others meanwhile: --set dataset.task=" + join(present, ",");
    throw UserError(first_problem);
  }
  std::vector<BabiFile> train, test;
  for (size_t i = 0; i < tasks.size(); ++i) {
    train.push_back(parse_babi_file(paths[i].first, tasks[i]));
    test.push_back(parse_babi_file(paths[i].second, tasks[i]));
  }
  return build_babi_dataset(train, test, options);
}

}  // namespace mann
