#include "framework/train/data_parallel.h"

namespace mann {

void allreduce_gradients(distributed::Communicator& comm, const std::vector<Parameter*>& params,
                         std::vector<float>& buffer) {
  size_t total = 0;
  for (const Parameter* p : params) total += static_cast<size_t>(p->grad.size());
  buffer.resize(total);
  // One message for all parameters: many small allreduces would be latency-bound.
  size_t at = 0;
  for (const Parameter* p : params) {
    std::copy(p->grad.data(), p->grad.data() + p->grad.size(), buffer.begin() + static_cast<ptrdiff_t>(at));
    at += static_cast<size_t>(p->grad.size());
  }
  comm.allreduce_sum(std::span<float>(buffer));
  at = 0;
  for (Parameter* p : params) {
    std::copy(buffer.begin() + static_cast<ptrdiff_t>(at),
              buffer.begin() + static_cast<ptrdiff_t>(at + static_cast<size_t>(p->grad.size())),
              p->grad.data());
    at += static_cast<size_t>(p->grad.size());
  }
}

void broadcast_parameters(distributed::Communicator& comm, const std::vector<Parameter*>& params) {
  for (Parameter* p : params)
    comm.broadcast(std::span<float>(p->value.data(), static_cast<size_t>(p->value.size())));
}

double allreduce_step(distributed::Communicator& comm, double weighted_loss, Metrics& metrics, double share) {
  std::vector<double> values = {weighted_loss};
  for (const auto& metric : metrics) values.push_back(metric.second * share);
  comm.allreduce_sum(std::span<double>(values));
  for (size_t i = 0; i < metrics.size(); ++i) metrics[i].second = values[i + 1];
  return values[0];
}

}  // namespace mann
