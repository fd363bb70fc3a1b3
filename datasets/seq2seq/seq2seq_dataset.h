#pragma once
// A generated sequence-to-sequence task (reversal, toy translation) as an experiment's `dataset:`: family
// "seq2seq", learned by the `seq2seq` model. Generated on the fly, so it has no files or epochs.
#include <memory>
#include <string>

#include "datasets/dataset.h"
#include "datasets/seq2seq/seq2seq_task.h"

namespace mann {

class Seq2SeqDataset : public Dataset {
 public:
  explicit Seq2SeqDataset(std::unique_ptr<Seq2SeqTask> task) : task_(std::move(task)) {}
  std::string family() const override { return "seq2seq"; }
  std::string type() const override { return task_->name(); }
  Seq2SeqTask& task() { return *task_; }
  std::unique_ptr<Seq2SeqTask> release() { return std::move(task_); }

 private:
  std::unique_ptr<Seq2SeqTask> task_;
};

}  // namespace mann
