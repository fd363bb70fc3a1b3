// The single-process communicator (what every `mann` without mpirun uses) and the data shards of
// data-parallel training; the MPI side is tested through mpirun in test_mpi_runs.cpp.
#include <doctest/doctest.h>

#include <vector>

#include "framework/distributed/data_shard.h"
#include "framework/distributed/world.h"

using namespace mann;
using namespace mann::distributed;

TEST_CASE("single-process communicator: rank 0 of 1, collectives leave the data as it is") {
  SingleProcessCommunicator single;
  Communicator& comm = single;  // used, like everywhere, through the interface
  CHECK(comm.rank() == 0);
  CHECK(comm.size() == 1);
  CHECK(comm.is_root());
  std::vector<float> floats = {1.5f, -2.f};
  comm.allreduce_sum(std::span<float>(floats));
  CHECK(floats == std::vector<float>{1.5f, -2.f});
  std::vector<double> doubles = {3.25};
  comm.allreduce_sum(std::span<double>(doubles));
  comm.broadcast(std::span<double>(doubles));
  CHECK(doubles == std::vector<double>{3.25});
  std::string text = "unchanged";
  comm.broadcast(text);
  CHECK(text == "unchanged");
  comm.barrier();
  CHECK(comm.gather("mine\nwith lines") == std::vector<std::string>{"mine\nwith lines"});
}

TEST_CASE("world() outside an MPI launcher is a single process") {
  if (launched_by_mpi()) return;  // the suite itself started by mpirun: nothing to check here
  CHECK(world().size() == 1);
  CHECK(world().rank() == 0);
}

TEST_CASE("launcher variables are recognised so children of a rank do not inherit its identity") {
  CHECK(is_launcher_variable("OMPI_COMM_WORLD_RANK=1"));
  CHECK(is_launcher_variable("PMIX_RANK=0"));
  CHECK(is_launcher_variable("PMI_SIZE=4"));
  CHECK_FALSE(is_launcher_variable("PATH=/usr/bin"));
  CHECK_FALSE(is_launcher_variable("MANN_DATA=/data"));
}

TEST_CASE("data shards split a batch into contiguous parts, every example once, shares summing to 1") {
  for (int size : {1, 2, 3, 4})
    for (int64_t n : {4, 7, 32}) {
      int64_t next = 0;
      float shares = 0;
      for (int rank = 0; rank < size; ++rank) {
        const DataShard shard{rank, size};
        CHECK(shard.begin(n) == next);
        CHECK(shard.count(n) >= n / size);
        next = shard.end(n);
        shares += shard.share(n);
      }
      CHECK(next == n);
      CHECK(shares == doctest::Approx(1.0));
    }
  CHECK(DataShard{}.whole());
  CHECK(DataShard{}.share(16) == 1.f);  // a single process weights its loss by exactly 1
}

TEST_CASE("rank streams differ per rank and step and leave the shared stream where it was") {
  Rng shared(7), reference(7);
  CHECK(rank_stream(shared, {0, 2}, 5).next() != rank_stream(shared, {1, 2}, 5).next());
  CHECK(rank_stream(shared, {0, 2}, 5).next() != rank_stream(shared, {0, 2}, 6).next());
  CHECK(shared.next() == reference.next());  // batches drawn after it are the single-process ones
}
