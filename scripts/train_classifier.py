"""Lab 01's recipe as one script, for lab 10 (scaling out): fine-tune the profile's encoder on the profile's reviews
with `Trainer`, run by one process or by many (`torchrun`, `accelerate launch`: the Trainer reads the launcher's
environment and trains data-parallel). Every rank writes what it saw; rank 0 writes the run's record.

    python scripts/train_classifier.py --out run1 [--profile smoke] [--per-device-batch 8] [--accumulation 2]
    torchrun --nproc_per_node 2 scripts/train_classifier.py --out run2 --per-device-batch 8

Record (<out>/run.json): launcher, processes, nodes, per_device_batch, accumulation, global_batch, precision, the loss
at every optimizer step, final_loss, examples_per_second, seconds_per_step, peak_memory_mb (rank 0's largest resident
set), peak_gpu_memory_mb (on CUDA), parameters; per rank (<out>/rank<r>.json) the ids of the examples it trained on,
its own peak and ``local_parameters``: the elements of the parameter tensors this rank holds (all of them under DDP,
its shards under FSDP and ZeRO-3). Dropout is off and the default precision fp32, so two launches that see the same
examples in the same global batches give the same losses (16-bit arithmetic rounds differently on each layout).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def build(profile=None):
    """What every launch builds the same way (scripts/train_classifier_lightning.py too): the profile's settings, its
    training reviews tokenized, each row numbered (``example_id``), and the model, seeded, with every dropout off.
    -> (cfg, tokenizer, train, model)"""
    import labs_lib   # first: it quiets libraries that talk while they load
    from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer, set_seed

    from labs_lib import data, models

    cfg = labs_lib.lab_config("10_scaling_out", profile)
    raw, report = data.load(cfg, "classification", seed=cfg.seed)
    model_id = models.model_path(cfg.model)
    tokenizer = AutoTokenizer.from_pretrained(model_id)
    train = raw["train"].map(lambda b: tokenizer(b["text"], truncation=True, max_length=cfg.max_length),
                             batched=True, remove_columns=["text"])
    train = train.add_column("example_id", list(range(len(train))))
    set_seed(cfg.seed)
    config = AutoConfig.from_pretrained(model_id, num_labels=len(report.labels))
    for name, value in config.to_dict().items():   # every dropout off (BERT and DistilBERT name them differently)
        if "dropout" in name and isinstance(value, float):
            setattr(config, name, 0.0)
    return cfg, tokenizer, train, AutoModelForSequenceClassification.from_pretrained(model_id, config=config)


def write_rank_record(out: Path, rank: int, seen: list, trained: int, local_parameters: int) -> float:
    """<out>/rank<r>.json: the ids of the examples this rank trained on (the loader prepares a batch ahead: those are
    not counted), its largest resident set and the parameter elements it holds. -> that peak, in MB."""
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    (out / f"rank{rank}.json").write_text(json.dumps({"rank": rank, "example_ids": seen[:trained],
                                                      "prepared_ahead": len(seen) - trained,
                                                      "peak_memory_mb": peak_mb, "local_parameters": local_parameters}))
    return peak_mb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="folder for run.json and rank<r>.json")
    parser.add_argument("--profile", default=None, help="smoke | cpu | full (default: $LABS_PROFILE, ...)")
    parser.add_argument("--per-device-batch", type=int, default=8)
    parser.add_argument("--accumulation", type=int, default=1)
    parser.add_argument("--steps", type=int, default=None, help="optimizer steps (default: the profile's)")
    parser.add_argument("--precision", choices=["fp32", "bf16", "fp16"], default="fp32",
                        help="fp32, or 16-bit autocast over fp32 weights (bf16 on CPUs and recent GPUs; fp16 on GPUs)")
    parser.add_argument("--activation-checkpointing", action="store_true", help="recompute activations in backward")
    parser.add_argument("--deepspeed", default=None, help="a DeepSpeed config file (ZeRO; runs on CPUs and GPUs)")
    parser.add_argument("--fsdp", action="store_true", help="shard weights, gradients and optimizer (FSDP full shard)")
    parser.add_argument("--save-steps", type=int, default=None, help="save a checkpoint every N steps (default: none)")
    parser.add_argument("--stop-after", type=int, default=None, help="stop after step N, as if interrupted")
    parser.add_argument("--resume", action="store_true", help="resume from the last checkpoint in <out>/trainer")
    parser.add_argument("--fail-rank", type=int, default=None, help="this rank fails at step 2 (a test of teardown)")
    parser.add_argument("--fail-with", choices=["raise", "kill"], default="raise",
                        help="how --fail-rank fails: raise an error, or die at once by SIGKILL (as the OOM killer does)")
    parser.add_argument("--local_rank", type=int, help=argparse.SUPPRESS)   # the deepspeed launcher passes it
    args = parser.parse_args()

    import labs_lib   # first: it quiets libraries that talk while they load
    import torch

    if args.precision == "fp16" and not torch.cuda.is_available():
        parser.error("--precision fp16 needs a CUDA GPU (autocast on CPUs is bf16)")
    if args.fsdp and not torch.cuda.is_available():   # accelerate 1.15 turns FSDP on only for GPU-type process groups
        parser.error("--fsdp needs CUDA GPUs: on CPU processes accelerate drops the FSDP plugin and the Trainer "
                     "trains with DDP, every rank holding every parameter (use --deepspeed for sharding on CPUs)")
    from transformers import DataCollatorWithPadding, Trainer, TrainerCallback, TrainingArguments

    rank, world = int(os.environ.get("RANK", 0)), int(os.environ.get("WORLD_SIZE", 1))
    nodes = int(os.environ.get("GROUP_WORLD_SIZE", os.environ.get("LABS_NODES", 1)))
    rt = labs_lib.runtime.setup()   # CUDA where there is a GPU (each rank its own), else CPU
    cfg, tokenizer, train, model = build(args.profile)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    parameters = sum(p.numel() for p in model.parameters())

    seen, stepped = [], []   # the examples this rank trained on; the optimizer steps this launch took
    pad = DataCollatorWithPadding(tokenizer)

    def collate(rows):   # remember which examples this rank trains on, then batch them as lab 01 does
        seen.extend(int(r.pop("example_id")) for r in rows)
        return pad(rows)

    class Stop(TrainerCallback):
        def on_step_end(self, a, state, control, **kw):
            stepped.append(state.global_step)
            if state.global_step == args.stop_after:   # after this step's checkpoint (the Trainer saves next)
                control.should_training_stop = True
            if args.fail_rank == rank and state.global_step == 2:
                if args.fail_with == "kill":   # no exception, no clean-up: the process is simply gone
                    os.kill(os.getpid(), signal.SIGKILL)
                raise RuntimeError(f"rank {rank} fails on purpose at step 2 (--fail-rank)")

    steps = args.steps or cfg.steps
    trainer = Trainer(model=model, train_dataset=train, data_collator=collate, callbacks=[Stop()],
                      args=TrainingArguments(
                          output_dir=str(out / "trainer"), per_device_train_batch_size=args.per_device_batch,
                          gradient_accumulation_steps=args.accumulation, max_steps=steps, learning_rate=cfg.lr,
                          warmup_steps=0, lr_scheduler_type="constant", logging_steps=1,
                          save_strategy="steps" if args.save_steps else "no", save_steps=args.save_steps or 500,
                          report_to="none", disable_tqdm=True, seed=cfg.seed, data_seed=cfg.seed,
                          remove_unused_columns=False, dataloader_pin_memory=rt.cuda, use_cpu=not rt.cuda,
                          bf16=args.precision == "bf16", fp16=args.precision == "fp16",   # autocast (accelerate)
                          # FSDP checkpoints through its own config key; `gradient_checkpointing` is the old name
                          activation_checkpointing=args.activation_checkpointing and not args.fsdp,
                          # the classifier's loss is a per-batch mean: left on, compute_loss multiplies the loss by
                          # the number of processes (its remedy for token-summed LM losses divided by the tokens of
                          # all ranks), and that loss is the one backward() sees: on 2 processes the gradient, and
                          # the logged loss, would be doubled
                          average_tokens_across_devices=False,
                          deepspeed=args.deepspeed,
                          **({"fsdp": "full_shard", "fsdp_config": {
                              "version": 2, "activation_checkpointing": args.activation_checkpointing}}
                             if args.fsdp else {})))
    trainer.loss_is_scaled_for_ga = False   # a per-batch mean, divided by the accumulation steps (see lab 01)
    start = time.perf_counter()
    trainer.train(resume_from_checkpoint=args.resume or None)   # True: the newest checkpoint-<step> folder
    seconds = time.perf_counter() - start
    # what this rank holds of the parameters: a DeepSpeed ZeRO-3 parameter keeps its partition in `ds_tensor`,
    # an FSDP2 parameter is a DTensor whose local part is its shard; under DDP each rank holds whole tensors
    local = sum(p.ds_tensor.numel() if hasattr(p, "ds_tensor") else p.to_local().numel()
                if hasattr(p, "to_local") else p.numel() for p in model.parameters())
    peak_mb = write_rank_record(out, rank, seen, steps * args.per_device_batch * args.accumulation, local)
    if rank == 0:
        global_batch = args.per_device_batch * args.accumulation * world
        losses = [h["loss"] for h in trainer.state.log_history if "loss" in h]
        launcher = os.environ.get("LABS_LAUNCHER", "torchrun" if "TORCHELASTIC_RUN_ID" in os.environ else "python")
        (out / "run.json").write_text(json.dumps({
            "launcher": launcher, "processes": world, "nodes": nodes, "per_device_batch": args.per_device_batch,
            "accumulation": args.accumulation, "global_batch": global_batch, "steps": steps, "losses": losses,
            "final_loss": losses[-1], "examples_per_second": global_batch * len(stepped) / seconds,
            "seconds": seconds, "seconds_per_step": seconds / len(stepped), "parameters": parameters,
            "steps_taken": stepped,
            "peak_memory_mb": peak_mb, "train_examples": len(train), "fsdp": args.fsdp,
            "zero_stage": json.loads(Path(args.deepspeed).read_text())["zero_optimization"]["stage"]
            if args.deepspeed else None,
            "activation_checkpointing": args.activation_checkpointing, "precision": args.precision,
            "peak_gpu_memory_mb": torch.cuda.max_memory_allocated() / 2**20 if rt.cuda else None}, indent=1))
    if torch.distributed.is_initialized():   # leave the process group together before exit (FSDP's threads abort
        import gc                             # otherwise); the sharded model and its hooks go first

        del trainer, model
        gc.collect()
        torch.distributed.barrier()
        torch.distributed.destroy_process_group()
    return 0


if __name__ == "__main__":
    sys.exit(main())
