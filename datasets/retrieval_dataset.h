#pragma once
// The toy key/value retrieval task (datasets/retrieval_task.h) as an experiment's `dataset:`: family
// "retrieval", learned by the `retrieval_reader` model. Generated on the fly, so it has no files or epochs.
#include <string>

#include "datasets/dataset.h"
#include "datasets/retrieval_task.h"

namespace mann {

class RetrievalDataset : public Dataset {
 public:
  explicit RetrievalDataset(const RetrievalTaskOptions& options) : task_(options) {}
  std::string family() const override { return "retrieval"; }
  std::string type() const override { return "retrieval"; }
  const RetrievalTask& task() const { return task_; }

 private:
  RetrievalTask task_;
};

}  // namespace mann
