#include "framework/distributed/mpi/mpi_communicator.h"

// The C API only: the deprecated C++ bindings would need libmpi_cxx and warn under -Wextra.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>

#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace mann::distributed {
namespace {

void check(int error, const char* what) {
  if (error == MPI_SUCCESS) return;
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(error, text, &length);
  throw std::runtime_error(std::string(what) + ": " + std::string(text, static_cast<size_t>(length)));
}

int count_of(size_t n) {
  if (n > static_cast<size_t>(std::numeric_limits<int>::max()))
    throw std::length_error("MPI message of more than 2^31 elements");
  return static_cast<int>(n);
}

class MpiCommunicator : public Communicator {
 public:
  MpiCommunicator() {
    check(MPI_Comm_rank(MPI_COMM_WORLD, &rank_), "MPI_Comm_rank");
    check(MPI_Comm_size(MPI_COMM_WORLD, &size_), "MPI_Comm_size");
  }
  int rank() const override { return rank_; }
  int size() const override { return size_; }

  void allreduce_sum(std::span<float> v) override {
    check(MPI_Allreduce(MPI_IN_PLACE, v.data(), count_of(v.size()), MPI_FLOAT, MPI_SUM, MPI_COMM_WORLD),
          "MPI_Allreduce");
  }
  void allreduce_sum(std::span<double> v) override {
    check(MPI_Allreduce(MPI_IN_PLACE, v.data(), count_of(v.size()), MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD),
          "MPI_Allreduce");
  }
  void broadcast(std::span<float> v, int root) override {
    check(MPI_Bcast(v.data(), count_of(v.size()), MPI_FLOAT, root, MPI_COMM_WORLD), "MPI_Bcast");
  }
  void broadcast(std::span<double> v, int root) override {
    check(MPI_Bcast(v.data(), count_of(v.size()), MPI_DOUBLE, root, MPI_COMM_WORLD), "MPI_Bcast");
  }
  void broadcast(std::string& text, int root) override {
    unsigned long long length = text.size();
    check(MPI_Bcast(&length, 1, MPI_UNSIGNED_LONG_LONG, root, MPI_COMM_WORLD), "MPI_Bcast");
    text.resize(length);
    check(MPI_Bcast(text.data(), count_of(length), MPI_CHAR, root, MPI_COMM_WORLD), "MPI_Bcast");
  }
  void barrier() override { check(MPI_Barrier(MPI_COMM_WORLD), "MPI_Barrier"); }

  std::vector<std::string> gather(const std::string& text, int root) override {
    // Lengths first, so the root can place every rank's text.
    const int length = count_of(text.size());
    std::vector<int> lengths(rank_ == root ? static_cast<size_t>(size_) : 0);
    check(MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, root, MPI_COMM_WORLD), "MPI_Gather");
    std::vector<int> offsets(lengths.size());
    size_t total = 0;
    for (size_t r = 0; r < lengths.size(); ++r) {
      offsets[r] = count_of(total);
      total += static_cast<size_t>(lengths[r]);
    }
    std::string all(total, '\0');
    check(MPI_Gatherv(text.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(), MPI_CHAR,
                      root, MPI_COMM_WORLD),
          "MPI_Gatherv");
    std::vector<std::string> texts;
    for (size_t r = 0; r < lengths.size(); ++r)
      texts.push_back(all.substr(static_cast<size_t>(offsets[r]), static_cast<size_t>(lengths[r])));
    return texts;
  }

 private:
  int rank_ = 0, size_ = 1;
};

}  // namespace

void mpi_init(int& argc, char**& argv) {
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (!initialised) check(MPI_Init(&argc, &argv), "MPI_Init");
  // Failures come back as error codes (thrown as exceptions) rather than aborting inside MPI.
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
}

void mpi_finalize() {
  int finalised = 0;
  MPI_Finalized(&finalised);
  if (!finalised) MPI_Finalize();
}

void mpi_abort(int exit_code) {
  MPI_Abort(MPI_COMM_WORLD, exit_code);
  std::exit(exit_code);  // MPI_Abort does not return; this keeps [[noreturn]] honest
}

std::unique_ptr<Communicator> make_mpi_world() {
  return std::make_unique<MpiCommunicator>();
}

}  // namespace mann::distributed
