#pragma once
// What a `dataset:` entry of an experiment builds. Datasets come in families (generated sequence tasks,
// question answering, ...); a model's factory checks that it got a family it can learn from.
#include <memory>
#include <string>

#include "datasets/algorithmic/sequence_task.h"
#include "datasets/babi/babi_dataset.h"

namespace mann {

class Dataset {
 public:
  virtual ~Dataset() = default;
  virtual std::string family() const = 0;  // "sequence", "qa", "retrieval"
  virtual std::string type() const = 0;    // the registered type, e.g. "copy"
};

// An algorithmic task of the NTM paper, generated on the fly.
class SequenceDataset : public Dataset {
 public:
  SequenceDataset(std::string type, std::unique_ptr<SequenceTask> task)
      : type_(std::move(type)), task_(std::move(task)) {}
  std::string family() const override { return "sequence"; }
  std::string type() const override { return type_; }
  SequenceTask& task() { return *task_; }
  std::unique_ptr<SequenceTask> release() { return std::move(task_); }

 private:
  std::string type_;
  std::unique_ptr<SequenceTask> task_;
};

// A question-answering dataset read from files (bAbI): the encoded questions of every split and the
// vocabulary. `tasks` is the task selection as written in the config ("3", "joint", "1,2").
class QaDataset : public Dataset {
 public:
  QaDataset(std::string tasks, BabiDataset data) : tasks_(std::move(tasks)), data_(std::move(data)) {}
  std::string family() const override { return "qa"; }
  std::string type() const override { return "babi"; }
  const std::string& tasks() const { return tasks_; }
  BabiDataset& data() { return data_; }

 private:
  std::string tasks_;
  BabiDataset data_;
};

// Build context of datasets: where data files live, and the experiment seed.
struct DatasetContext {
  std::string data_dir;  // from --data-dir / config; empty: MANN_DATA or ./data
  uint64_t seed = 0;
};

}  // namespace mann
