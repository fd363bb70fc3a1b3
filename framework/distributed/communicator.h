#pragma once
// The one interface to the other processes of a run (MPI ranks): who we are, sums over all ranks, copies
// from one rank to all, and gathering text at one rank. Nothing outside framework/distributed/mpi/ sees
// MPI; a single process is a communicator of size 1 whose operations leave their data as it is.
#include <span>
#include <string>
#include <vector>

namespace mann::distributed {

class Communicator {
 public:
  virtual ~Communicator() = default;

  virtual int rank() const = 0;
  virtual int size() const = 0;
  bool is_root() const { return rank() == 0; }

  // Every rank's buffer becomes the elementwise sum over all ranks (same length on every rank).
  virtual void allreduce_sum(std::span<float> values) = 0;
  virtual void allreduce_sum(std::span<double> values) = 0;
  // Every rank's buffer becomes `root`'s (same length on every rank).
  virtual void broadcast(std::span<float> values, int root = 0) = 0;
  virtual void broadcast(std::span<double> values, int root = 0) = 0;
  // Every rank's text becomes `root`'s (lengths may differ).
  virtual void broadcast(std::string& text, int root = 0) = 0;
  virtual void barrier() = 0;
  // `root` receives every rank's text in rank order; the other ranks receive nothing.
  virtual std::vector<std::string> gather(const std::string& text, int root = 0) = 0;
};

// One process, no MPI: sums and copies are the identity, gather returns this process's text.
class SingleProcessCommunicator : public Communicator {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  void allreduce_sum(std::span<float>) override {}
  void allreduce_sum(std::span<double>) override {}
  void broadcast(std::span<float>, int) override {}
  void broadcast(std::span<double>, int) override {}
  void broadcast(std::string&, int) override {}
  void barrier() override {}
  std::vector<std::string> gather(const std::string& text, int) override { return {text}; }
};

}  // namespace mann::distributed
