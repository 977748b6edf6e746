//===- Passes.td - s2s CPU codegen passes ------------------*- tablegen -*-===//

#ifndef S2S_CODEGEN_CPU_PASSES_TD
#define S2S_CODEGEN_CPU_PASSES_TD

include "mlir/Pass/PassBase.td"

def S2SCPUCopiesToLinalgPass : Pass<"s2s-cpu-copies-to-linalg"> {
  let summary = "Rewrite memref.copy as linalg.copy";
  let description = [{
    The LLVM lowering turns a `memref.copy` between non-contiguous memrefs
    into a call to `memrefCopy` from MLIR's C runner utilities, a runtime
    library that compiled s2s code must not depend on. This pass rewrites
    every `memref.copy` as a `linalg.copy`, which lowers to loops like any
    other linalg op. A copy of unranked memrefs, which linalg cannot
    express, is reported as an error; the s2s pipeline never creates one.

    Before:
    ```mlir
    memref.copy %src, %dst : memref<4x8xf32, strided<[16, 1]>> to memref<4x8xf32>
    ```
    After:
    ```mlir
    linalg.copy ins(%src : memref<4x8xf32, strided<[16, 1]>>)
                outs(%dst : memref<4x8xf32>)
    ```
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def S2SCPULowerContractionsPass : Pass<"s2s-cpu-lower-contractions"> {
  let summary = "Register-blocked vector kernels for linalg contractions";
  let description = [{
    Rewrites every `linalg.generic` on memrefs that computes
    `C[batch.., m, n] += A[.., m, .., k] * B[.., n, .., k]` (one reduction
    dimension, a multiply-add body, static sizes but for the rows m, unit
    inner strides) into a loop nest of vector FMAs, choosing one of these
    kernels:

    * **dot**, when k is the innermost dimension of A and B (x W^T of
      `s2s.linear` and the RNN gates, q k^T of attention): a
      `dot-rows` x `dot-cols` tile of C accumulates in as many vector
      registers while k advances a vector at a time; the partial sums are
      reduced horizontally and added to C. No operand is copied.
    * **axpy**, when n is the innermost dimension of B and C (p v of
      attention, q W of Luong's general score, the fused RNN step's
      h W_hh^T over its block of gate columns): an `axpy-rows` x
      (`axpy-vectors` * lanes) tile of C stays in registers while each step
      broadcasts one element of A; columns after the last full panel form
      one narrower panel (48 columns: 3 vectors per row, not 3 passes).
    * **packed dot**, a dot contraction with at least `pack-min-rows` rows of
      C and n and k multiples of the vector width (x W^T over a sequence):
      B is copied, `pack-cols` rows by `pack-depth` k at a time, into a
      stack buffer of panels of `axpy-vectors` vectors of n per k
      (transposed in registers with log2(lanes) rounds of shuffles), and the
      axpy kernel runs on the panels, each row tile of A reused across the
      block's panels. No horizontal sums; one extra pass over B per call,
      which pays back when there are many rows.
    * **pre-packed dot**, a dot contraction (n and k multiples of the vector
      width, no batch loops) inside `scf.for` loops in which B is defined
      outside and nothing writes it (an RNN step's h W_hh^T): the whole of
      B is packed into panels once, into a buffer allocated before the
      outermost such loop and freed after it, and every run is the axpy
      kernel over the panels, panels outermost so that each serves all row
      tiles while in cache. Any number of rows (`prepack-min-rows`).

    Leading parallel dimensions (batch, heads) become loops around the
    kernel; their index maps may be any affine expression (grouped-query
    heads use `h floordiv group`). Remainders use one-row or one-column
    kernels and masked vector loads and stores. Contractions that do not
    fit (dynamic shapes, strided inner dimensions, several reductions) are
    left alone for the loop lowering.

    A contraction whose C was set to +0.0 just before (a `linalg.fill`, or
    the generic it generalizes to, of exactly that buffer, with nothing in
    between that touches memory) starts its tiles from zero registers, and
    the fill goes: no pass over C before the kernel and no loads of C in it
    (attention's score blocks). Not for the packed kernel when k takes
    several `pack-depth` blocks, which add to what the previous block
    stored.

    A column maximum `M[n] = max(M[n], max_m C[m, n])` (a `linalg.generic`
    combining with `arith.maximumf`, or with `x > a ? x : a`) that reads the
    C of an axpy kernel right after it, into a buffer allocated after the
    kernel (tiled attention's block maximum over keys), is folded into the
    epilogue of the kernel's tiles, row by row in order, while they are in
    registers; the kernel moves down to where the maximum was, after its
    buffer's fill. Not when the kernel's loops may run in parallel, nor when
    anything in between touches memory other than fresh buffers.

    Transposing copies are rewritten too: a `linalg.generic` with one
    input and one output whose body maps the input element through
    elementwise `arith` ops (nothing, or a scale: their other operands are
    constants or defined outside), with permutation maps under which the
    input's innermost dimension and the output's are different loops, both
    multiples of the vector width (the fused RNN step's rearrangement of
    W_hh, the scaled transposed query block of tiled attention, layout
    changes), becomes loops over the other dimensions around vw x vw
    blocks: vw vector loads along the input's rows, the body's ops on
    vectors, a transpose in registers (log2(vw) rounds of shuffles), vw
    vector stores along the output's rows. Element-by-element, such a copy
    is a scatter or a gather per element.

    The horizontal sums of the dot kernel reassociate the additions over k,
    so its results differ from a sequential sum in the last bits, as any
    BLAS's do; the axpy and packed kernels add over k in order.

    With `threads` above 1, the outermost loop of a kernel that is not
    already inside a parallel loop and has at least `parallel-min-flops`
    FLOPs becomes an `scf.parallel` loop: the batch loop when there is one
    with at least `threads` iterations, else the loop over column blocks
    (dot) or column panels (axpy) when there are at least `threads` of
    them, else the loop over row tiles (the packed kernel: its column
    blocks only, narrowed so that each thread gets one, each packing into
    its own buffer). Each iteration writes its own part of C, so the result
    does not depend on the thread count.

    Before:
    ```mlir
    linalg.generic {indexing_maps = [(i, j, k) -> (i, k), (i, j, k) -> (j, k),
                                     (i, j, k) -> (i, j)],
                    iterator_types = ["parallel", "parallel", "reduction"]}
        ins(%x, %w : memref<64x512xf32>, memref<256x512xf32>)
        outs(%y : memref<64x256xf32>) { mulf, addf }
    ```
    After: `scf.for` over 4-row and 4-column tiles, an inner `scf.for` over k
    carrying 16 `vector<16xf32>` accumulators updated by `vector.fma`, and
    `vector.reduction <add>` into `%y`.

    A dynamic number of rows m (a batch, a sequence of dynamic length) runs
    the full row tiles up to `m - m mod rows`, then one shorter tile whose
    size, 1 to rows-1, is picked at run time (`scf.index_switch` over a
    kernel per size); for the choice of kernel and threads it counts as
    many rows (`pack-min-rows`, at least 64). n, k and the batch loops must
    be static: a contraction with another dynamic size stays a
    `linalg.generic` (loops).

    bf16 inputs (`s2s-linalg-bf16-weights`): an input the body widens
    (`arith.extf` of a bf16 operand, the weights) is loaded as bf16 and
    widened in registers; one it rounds (`arith.extf` of `arith.truncf` to
    bf16, the activations with `round-activations`) is rounded once into an
    f32 copy that the kernel reads (before the outermost loop in which it
    is read-only, else at each run; B of the pre-packed kernel is rounded
    as it is packed). With `bf16-dot` (512-bit registers with AVX512-BF16), a
    contraction of a rounded A and a bf16 B with k a multiple of 32 instead
    multiplies pairs of bf16 with `vdpbf16ps` (`llvm.call_intrinsic` of
    `llvm.x86.avx512bf16.dpbf16ps.512`): A is rounded once per run into a
    buffer of bf16 pairs (each broadcast as one 32-bit element), and B is
    read as pairs of k: the packed kernels pack 32-bit pairs into their
    panels (the same register transpose), the axpy kernel interleaves two
    rows of B per step (or, when B is read-only in an enclosing loop,
    once before it), the dot kernel reads B as it is. Each product of two
    bf16 is exact in f32; the pairs are summed in f32 (ties to even, no
    denormals), k in pairs rather than one at a time.
  }];
  let options = [
    Option<"vectorBits", "vector-bits", "int64_t", /*default=*/"512",
           "Width of the vector registers in bits">,
    Option<"vectorRegisters", "vector-registers", "int64_t",
           /*default=*/"0",
           "Vector registers the tiles may fill (0: 32 with 512-bit "
           "registers, else 16)">,
    Option<"bf16Dot", "bf16-dot", "bool", /*default=*/"false",
           "The target has AVX512-BF16: products of rounded activations "
           "and bf16 weights run as vdpbf16ps (needs vector-bits=512)">,
    Option<"dotRows", "dot-rows", "int64_t", /*default=*/"0",
           "Rows of C per dot-kernel tile (0: from the registers, 6 of 32, "
           "4 of 16)">,
    Option<"dotCols", "dot-cols", "int64_t", /*default=*/"0",
           "Columns of C per dot-kernel tile (0: from the registers, 4 of "
           "32, 2 of 16)">,
    Option<"dotBlockCols", "dot-block-cols", "int64_t", /*default=*/"64",
           "Columns of C per cache block of the dot kernel (rows of B "
           "kept in cache while all of A passes)">,
    Option<"axpyRows", "axpy-rows", "int64_t", /*default=*/"0",
           "Rows of C per axpy-kernel tile (0: 6)">,
    Option<"axpyVectors", "axpy-vectors", "int64_t", /*default=*/"0",
           "Vectors of C columns per axpy-kernel tile (0: from the "
           "registers, 4 of 32, 2 of 16)">,
    Option<"packMinRows", "pack-min-rows", "int64_t", /*default=*/"64",
           "Dot contractions with at least this many rows of C (and k and "
           "n multiples of the vector width) transpose B into packed "
           "panels and run the axpy kernel on them; 0 never packs">,
    Option<"prepackMinRows", "prepack-min-rows", "int64_t", /*default=*/"1",
           "Dot contractions inside a loop in which B is read-only (an RNN "
           "step's h W_hh^T) with at least this many rows pack B once "
           "before the loop (off with pack-min-rows=0)">,
    Option<"packDepth", "pack-depth", "int64_t", /*default=*/"256",
           "k extent of a packed block of B (twice that with bf16 pairs, "
           "the same bytes)">,
    Option<"packCols", "pack-cols", "int64_t", /*default=*/"256",
           "n extent of a packed block of B (a multiple of the axpy tile "
           "width)">,
    Option<"threads", "threads", "int64_t", /*default=*/"1",
           "Threads to spread a kernel's outer loop over (an scf.parallel "
           "loop when above 1)">,
    Option<"parallelMinFlops", "parallel-min-flops", "int64_t",
           /*default=*/"4000000",
           "Contractions of fewer FLOPs stay sequential (a fork/join costs "
           "microseconds)">,
  ];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::LLVM::LLVMDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def S2SCPUExpandDynamicReshapesPass
    : Pass<"s2s-cpu-expand-dynamic-reshapes"> {
  let summary = "Expand_shape ops with several dynamic sizes in a group, as "
                "reinterpret_cast";
  let description = [{
    A `memref.expand_shape` that splits one dimension into several dynamic
    ones (a `[T*B, N]` GEMM result viewed as `[T, B, N]` when both T and B
    are dynamic) becomes a `memref.reinterpret_cast` of the source's base
    buffer: the offset of the source, the output sizes, and strides that
    multiply the source's stride by the sizes inside each dimension. MLIR
    22's `expand-strided-metadata` crashes on such ops, so the LLVM lowering
    stage runs this pass first. Every other `expand_shape` (at most one
    dynamic size per group) is left alone.

    Before:
    ```mlir
    %y = memref.expand_shape %x [[0, 1], [2]] output_shape [%t, %b, 16]
        : memref<?x16xf32> into memref<?x?x16xf32>
    ```
    After:
    ```mlir
    %base, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %x
    %s0 = arith.muli %b, %c16 : index
    %y = memref.reinterpret_cast %base to offset: [0],
        sizes: [%t, %b, 16], strides: [%s0, 16, 1]
        : memref<f32> to memref<?x?x16xf32>
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

def S2SCPUExpandBF16Pass : Pass<"s2s-cpu-expand-bf16"> {
  let summary = "bf16 conversions as integer operations";
  let description = [{
    Rewrites `arith.truncf` from f32 to bf16 (round to nearest even, NaN
    kept a NaN) and `arith.extf` from bf16 to f32 into bit casts, shifts and
    integer arithmetic (upstream's bf16 expansion patterns), on scalars and
    vectors alike. LLVM would otherwise lower a truncation on a CPU without
    AVX512-BF16 (baseline x86-64, AArch64 before v8.6) to a call of
    `__truncsfbf2`, which the runtime libraries of this platform do not all
    provide, so compiled code would not load. The LLVM lowering stage runs
    it always; it only changes code that converts to or from bf16
    (`bf16-weights`).

    Before:
    ```mlir
    %h = arith.truncf %x : vector<16xf32> to vector<16xbf16>
    ```
    After: `arith.bitcast` to `vector<16xi32>`, the rounding bias added,
    `arith.shrui` by 16, `arith.trunci` to i16 and `arith.bitcast` to
    `vector<16xbf16>`, with a select keeping NaNs.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def S2SCPUExpandFMAPass : Pass<"s2s-cpu-expand-fma"> {
  let summary = "Multiply and add where the target has no fused "
                "multiply-add";
  let description = [{
    The kernels accumulate with `vector.fma` and the polynomial
    approximations of `exp`/`tanh` evaluate with `math.fma`. Both lower to
    `llvm.intr.fma`, whose result must be rounded once: on a CPU without an
    FMA unit (baseline x86-64, SSE only) LLVM keeps that promise by calling
    libm's `fmaf` for every lane, tens of times slower than the two
    instructions it replaces. For such targets the LLVM lowering stage runs
    this pass first: each `math.fma` and `vector.fma` becomes an
    `arith.mulf` then an `arith.addf` (rounded twice, as PyTorch's own
    kernels on such CPUs do). The s2s-to-llvm pipeline adds it when its
    target has no FMA (`vector-bits=0`: the host's answer; otherwise the
    `fma` option, which s2s-compile and s2s-run set from `--mcpu` and
    `--mattr`).

    Before:
    ```mlir
    %r = vector.fma %a, %b, %c : vector<4xf32>
    ```
    After:
    ```mlir
    %p = arith.mulf %a, %b : vector<4xf32>
    %r = arith.addf %p, %c : vector<4xf32>
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def S2SCPULowerAssertsPass
    : Pass<"s2s-cpu-lower-asserts", "::mlir::ModuleOp"> {
  let summary = "Failed cf.assert checks: the message to standard error, "
                "then abort";
  let description = [{
    The run-time checks of compiled code (shape rules, memref descriptors)
    are `cf.assert` ops. Upstream's LLVM lowering prints a failed check's
    message with `puts`, to standard output, whose buffer `abort` then
    discards when the output is a pipe or a file: the caller learns only
    that the program aborted. This pass lowers each `cf.assert` before
    `convert-to-llvm`: the block is split at the check, and when the
    condition is false a block of its own writes the message and a newline
    to file descriptor 2 (`write`, unbuffered) and calls `abort`. The
    message is an internal global string. It runs in the LLVM lowering
    stage, after `convert-scf-to-cf` (the split needs regions that may hold
    several blocks).

    Before:
    ```mlir
    cf.assert %ok, "argument #0 of @main: ..."
    "use"() : () -> ()
    ```
    After:
    ```mlir
      cf.cond_br %ok, ^bb2, ^bb1
    ^bb1:
      %msg = llvm.mlir.addressof @s2s_check_message_0 : !llvm.ptr
      ... %fd = 2, %len = the message's length + 1
      llvm.call @write(%fd, %msg, %len) : (i32, !llvm.ptr, i64) -> i64
      llvm.call @abort() : () -> ()
      llvm.unreachable
    ^bb2:
      "use"() : () -> ()
    ```
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect",
                           "::mlir::cf::ControlFlowDialect"];
}

def S2SCPUInlineAllocaScopesPass : Pass<"s2s-cpu-inline-alloca-scopes"> {
  let summary = "Inline the memref.alloca_scope ops of parallel loop bodies";
  let description = [{
    `convert-scf-to-openmp` wraps the body of every parallel loop in a
    `memref.alloca_scope`, which must hold a single block; once the loops
    inside the body become branches (`convert-scf-to-cf`) it no longer
    verifies. The canonicalizer inlines a scope only when nothing inside
    may allocate on the stack, and a call (as the buffer deallocation
    helpers are) counts as such. This pass inlines every scope whose body
    allocates no stack memory itself: static `memref.alloca` ops directly
    in the scope move to the start of the enclosing `omp.parallel` region,
    where each thread allocates them once and reuses them for all of its
    iterations. A scope with any other `memref.alloca` (dynamic size, or
    not directly in the scope) is left alone.

    Before:
    ```mlir
    omp.loop_nest (%i) : index = (%c0) to (%c8) step (%c1) {
      memref.alloca_scope {
        %buf = memref.alloca() : memref<16xf32>
        scf.for ... { ... }
      }
      omp.yield
    }
    ```
    After: `%buf` at the start of the `omp.parallel` region, and the body
    of the scope in the loop nest.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def S2SCPUKeepThreadsAwakePass
    : Pass<"s2s-cpu-keep-threads-awake", "::mlir::ModuleOp"> {
  let summary = "Keep the OpenMP threads spinning between the parallel "
                "regions of a function";
  let description = [{
    A compiled function forks one OpenMP parallel region per parallel
    loop: a Transformer layer one per GEMM, attention and large
    elementwise op, a time loop whose steps run on threads (an RNN layer's
    fused steps, a decoder's per-token projections) one per step. Between
    two regions the team's threads wait for the next fork, and how they
    wait is the runtime's choice: with `OMP_WAIT_POLICY=PASSIVE` (as
    processes that also run PyTorch set, whose libgomp threads would
    otherwise take the cores) or a blocktime of 0 they go to sleep at once,
    and each region then pays a wake-up, tens of microseconds on a virtual
    machine: on two threads an LSTM layer (64 steps, batch 16, hidden 512)
    took 18.5 ms instead of 14.4, multi-head attention at S=128 1.40 ms
    instead of 1.03, a Transformer encoder layer 14.1 instead of 12.6.

    This pass brackets, in each function, the ops from the first to the
    last that fork regions, when there are several one after the other
    (two or more such ops, or one loop of regions), with calls to libomp's
    `kmp_get_blocktime` and `kmp_set_blocktime`: the calling thread's
    blocktime, which its team's threads follow, is `blocktime-ms` in
    between and restored after. The threads spin at most that long after a
    region before they sleep again. A function that forks a single region
    is left alone, and so is the runtime's setting before and after the
    span.

    Before:
    ```mlir
    scf.for %t = %c0 to %c64 step %c1 {
      omp.parallel { ... }
    }
    ```
    After:
    ```mlir
    %old = func.call @kmp_get_blocktime() : () -> i32
    func.call @kmp_set_blocktime(%c1_i32) : (i32) -> ()
    scf.for %t = %c0 to %c64 step %c1 {
      omp.parallel { ... }
    }
    func.call @kmp_set_blocktime(%old) : (i32) -> ()
    ```
  }];
  let options = [
    Option<"blocktimeMs", "blocktime-ms", "int64_t", /*default=*/"1",
           "Milliseconds the threads spin between the parallel regions of a "
           "loop">,
  ];
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

def S2SCPUPlanBuffersPass : Pass<"s2s-cpu-plan-buffers", "::mlir::ModuleOp"> {
  let summary = "Place a function's scratch buffers in one arena reused by "
                "every call";
  let description = [{
    A compiled function that allocates its scratch buffers on the heap and
    frees them again pays, in a process whose allocator returns large
    blocks to the system (glibc does above 128 KiB), a page fault for every
    4 KiB page it touches on every call: 10-15 microseconds each on this
    kind of machine. This pass plans the statically sized `memref.alloc`
    buffers of at least `min-bytes` (64 KiB; malloc serves smaller ones
    from memory it keeps) at the top level of each single-block function
    once, at compile time: their lifetimes are the span from the allocation to its
    `memref.dealloc` (or to the end of the function), and buffers whose
    lifetimes overlap get disjoint offsets (largest first, lowest offset
    that fits) in one arena of the function, a private zero-initialized
    global aligned to 64 bytes. Its pages are touched on the first call and
    stay mapped for all later ones.

    First, a buffer allocated and freed within one iteration of an
    `scf.for` (its `memref.dealloc` in the loop's body, nothing yielding it
    to the next iteration, its sizes defined outside the loop) moves before
    the loop and is freed after it, out
    through nested sequential loops up to the function's block when it can:
    a time or key-block loop allocates its temporaries once instead of at
    every iteration. Parallel loops stop this, since their iterations need
    buffers of their own.

    Each call takes the arena through an atomic exchange on a flag global
    and gives it back on return; a call that finds it taken (another thread
    in the same function, or a recursive call) allocates an arena of the
    same size on the heap and frees it on return, so the function stays
    safe to call from several threads.

    Buffers of dynamic size (whatever their size: it is not known at compile
    time) go in the arena too, which then is a heap block that grows to the
    largest size a call has needed and is kept for the later calls (its
    address and size are two private globals): a steady stream of calls at
    the same or smaller shapes allocates nothing. Dynamic buffers whose
    lifetimes do not overlap share a slot (each goes into the first slot
    free by its allocation); where the first buffer of the arena is
    allocated, the call computes each buffer's size in bytes (rounded up to
    64), each slot's as the largest of its buffers', and the arena's as the
    static buffers' (at their planned offsets) plus the slots'. A free
    arena that is smaller is freed and allocated again (a failed `malloc`
    is a failed `cf.assert`); a call that finds the arena taken allocates a
    block of that size of its own. A dynamic size computed after that point
    is computed there again when its computation reads no memory (sizes are
    first rewritten as sizes of what each memref is made from); a buffer
    whose size reads memory after that point stays on the heap.

    Static scratch of more than 1 GiB in all is placed like dynamic
    scratch, in a heap block allocated at the first call (a global that
    large would be mapped by the loader with the library, and a failure to
    map it could not be reported). Every heap allocation left of 1 MiB or
    more, or of a dynamic size, is followed by a `cf.assert` that it did
    not fail, naming the buffer's type, size and location. A buffer larger
    than a process can address (2^47 bytes) is an error at compile time.

    Left on the heap: buffers that stay inside loops and other regions
    (carried from one iteration to the next, or in a parallel loop), of
    non-identity layout, static ones smaller than `min-bytes`, and any buffer
    that may outlive the call or is freed by anything but a plain
    `memref.dealloc` in the function's block (returned, passed to a call
    that returns a memref, yielded out of a region, taken apart with
    `memref.extract_strided_metadata` for a conditional free). Functions of
    several blocks are left alone.

    Before:
    ```mlir
    func.func @f(%out: memref<64xf32>) {
      %a = memref.alloc() {alignment = 64 : i64} : memref<64xf32>
      ... uses of %a ...
      memref.dealloc %a : memref<64xf32>
      %b = memref.alloc() {alignment = 64 : i64} : memref<64xf32>
      ... uses of %b ...
      memref.dealloc %b : memref<64xf32>
      return
    }
    ```
    After: `memref.global "private" @f_arena : memref<256xi8>` (both buffers
    at offset 0), `@f_arena_busy`, and in `@f` an `memref.atomic_rmw
    assign` on the flag, an `scf.if` choosing the global or a fresh
    `memref.alloc`, `memref.view`s for `%a` and `%b`, and before `return`
    an `scf.if` that clears the flag or frees the fresh arena.
  }];
  let options = [
    Option<"minBytes", "min-bytes", "int64_t", /*default=*/"65536",
           "Buffers smaller than this stay on the heap (malloc serves them "
           "from memory it keeps, and LLVM knows that separately allocated "
           "buffers do not overlap, which it cannot prove of views of one "
           "arena)">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::cf::ControlFlowDialect",
    "::mlir::LLVM::LLVMDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
  ];
}

def S2SCPUParallelizeElementwisePass : Pass<"s2s-cpu-parallelize-elementwise"> {
  let summary = "Spread large non-contraction linalg ops over the threads";
  let description = [{
    With `threads` above 1, every linalg op on buffers left after
    `s2s-lower-contractions` (elementwise maps such as a bias add or GELU,
    row-wise reductions such as a layer norm's, fills and copies) that has
    at least `min-elements` iterations and no enclosing loop is tiled
    (upstream `scf::tileUsingSCF` with `threads` as the number of tiles of
    an `scf.forall`, then `scf::forallToParallelLoop`) into an
    `scf.parallel` loop of `threads` chunks of ceil(size / `threads`)
    iterations of its first parallel dimension with at least `threads`
    iterations, which `convert-scf-to-openmp` runs on the threads. Each
    element is computed as before (reductions along the other dimensions
    stay whole), so results do not depend on the thread count. An op with
    dynamic sizes is decided at run time: an `scf.if` runs the parallel
    loop (chunks of ceil(size / `threads`)) when the op then has at least
    `min-elements` iterations and its dimension at least `threads`, else
    the op as it was.

    Left alone: ops inside a loop (an RNN step's gate math, attention
    blocks: small, and their loop would fork at every iteration), smaller
    ops (a fork and join costs microseconds), and ops whose parallel
    dimensions are all shorter than `threads`.

    Before (threads=2):
    ```mlir
    linalg.generic {... ["parallel", "parallel"]}
        ins(%x : memref<512x2048xf32>) outs(%y : memref<512x2048xf32>) {...}
    ```
    After: `scf.parallel (%t) = (%c0) to (%c2) step (%c1)` around the same
    generic on `memref.subview`s of 256 rows at row `%t * 256`.
  }];
  let options = [
    Option<"threads", "threads", "int64_t", /*default=*/"1",
           "Threads to spread the ops over (nothing happens below 2)">,
    Option<"minElements", "min-elements", "int64_t", /*default=*/"65536",
           "Ops of fewer iterations stay sequential">,
  ];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
  ];
}

#endif // S2S_CODEGEN_CPU_PASSES_TD
