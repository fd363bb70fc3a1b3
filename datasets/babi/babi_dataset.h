#pragma once
// The bAbI QA dataset (Weston et al. 2015, v1.2) encoded for memory networks as in MemN2N (Sukhbaatar et
// al. 2015): each question is one example whose memory is the story's statements before it (earlier
// questions are not memories), limited to the most recent `memory_size` statements.
#include <cstdint>
#include <string>
#include <vector>

#include "datasets/babi/babi_parser.h"
#include "datasets/babi/vocabulary.h"

namespace mann {

struct BabiExample {
  int task = 0;                         // 1..20
  std::vector<std::vector<int>> story;  // word ids of the kept statements, oldest first
  std::vector<int> question;            // word ids
  int answer = 0;                       // word id of the answer (one token, also for "n,w")
  std::vector<int> supporting;          // indices into `story`; facts outside the window are dropped
};

struct BabiOptions {
  std::string data_dir;            // --data-dir / config value; empty: $MANN_DATA, then ./data
  bool ten_k = false;              // en-10k (10,000 training questions per task) instead of en (1,000)
  int memory_size = 50;            // most recent statements kept per example
  bool include_test_words = true;  // vocabulary from train + test words (MemN2N's choice)
  double valid_fraction = 0.1;     // of each task's training questions, held out for validation
  uint64_t split_seed = 0;         // which questions are held out (a seeded random subset)
};

struct BabiDataset {
  std::vector<int> tasks;
  Vocabulary vocab;
  std::vector<BabiExample> train, valid, test;  // each in file order, tasks in the order of `tasks`
  int memory_size = 0;                          // the window (BabiOptions::memory_size)
  int max_story_len = 0;                        // most statements any example keeps (<= memory_size)
  int max_sentence_len = 0;                     // longest statement, in words, over all splits
  int max_question_len = 0;
  int max_supporting = 0;  // most supporting facts any example keeps
};

// Loads the given tasks (parse_babi_tasks("joint") for all 20) from the data directory. The validation
// split is per task: round(valid_fraction * n) questions drawn by a generator seeded with split_seed and the
// task number, so a task's split does not depend on which other tasks are loaded. Throws UserError (file
// name, places looked, download instructions) when a file is missing.
BabiDataset load_babi(const std::vector<int>& tasks, const BabiOptions& options);

// The same from already parsed files: train_files[i] and test_files[i] belong to the same task.
BabiDataset build_babi_dataset(const std::vector<BabiFile>& train_files,
                               const std::vector<BabiFile>& test_files, const BabiOptions& options);

// One question of a parsed file with the memory window applied; words unknown to `vocab` become nil (0).
BabiExample encode_babi_question(const BabiFile& file, const BabiRawQuestion& q, const Vocabulary& vocab,
                                 int memory_size);

}  // namespace mann
