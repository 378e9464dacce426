"""Lab 10's training with PyTorch Lightning's `Trainer` in place of transformers' `Trainer`: the model, reviews,
optimizer and records of scripts/train_classifier.py (whose `build` it calls), and the examples in the order that
script's `Trainer` draws them. Lightning starts the processes itself: with `--devices 2` it runs this script again
as rank 1 and trains data-parallel (DDP; gloo on CPUs).

    python scripts/train_classifier_lightning.py --out run1 --devices 1 --accumulation 2
    python scripts/train_classifier_lightning.py --out run2 --devices 2
    torchrun --nproc_per_node 2 scripts/train_classifier_lightning.py --out run3 --devices 2   # torchrun starts them

Records: <out>/run.json and <out>/rank<r>.json, as scripts/train_classifier.py writes them (launcher "lightning").
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]
from train_classifier import build, write_rank_record  # noqa: E402  (the script beside this one)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="folder for run.json and rank<r>.json")
    parser.add_argument("--profile", default=None, help="smoke | cpu | full (default: $LABS_PROFILE, ...)")
    parser.add_argument("--devices", type=int, default=1, help="processes Lightning starts on this machine")
    parser.add_argument("--per-device-batch", type=int, default=8)
    parser.add_argument("--accumulation", type=int, default=1)
    parser.add_argument("--steps", type=int, default=None, help="optimizer steps (default: the profile's)")
    parser.add_argument("--precision", choices=["fp32"], default="fp32", help="fp32 only (the lab's comparisons)")
    args = parser.parse_args()

    import labs_lib   # first: it quiets libraries that talk while they load
    import lightning as L
    import torch
    from torch.utils.data import DataLoader, DistributedSampler
    from transformers import DataCollatorWithPadding

    rt = labs_lib.runtime.setup()
    cfg, tokenizer, train, model = build(args.profile)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    steps = args.steps or cfg.steps
    global_batch = args.per_device_batch * args.accumulation * args.devices
    # the Trainer's order: accelerate's seeded sampler draws epoch e as a permutation seeded with data_seed + e
    epochs = -(-steps * global_batch // len(train))
    order = torch.cat([torch.randperm(len(train), generator=torch.Generator().manual_seed(cfg.seed + e))
                       for e in range(epochs)])[:steps * global_batch]
    seen, pad = [], DataCollatorWithPadding(tokenizer)

    def collate(rows):   # remember which examples this rank trains on, then pad them as the Trainer's script does
        seen.extend(int(r.pop("example_id")) for r in rows)
        return pad(rows)

    ordered = train.select(order.tolist())

    class Classifier(L.LightningModule):
        def __init__(self, model):
            super().__init__()
            self.model, self.losses = model, []

        def training_step(self, batch, batch_idx):
            loss = self.model(**batch).loss   # a per-batch mean; Lightning divides it by the accumulation steps
            # the mean over the ranks, on a copy (the reduction works in place)
            self.losses.append(self.trainer.strategy.reduce(loss.detach().clone(), reduce_op="mean"))
            return loss

        def train_dataloader(self):   # rank r gets rows r, r + 2, ... in order (Lightning's own sampler would shuffle)
            sampler = DistributedSampler(ordered, self.trainer.world_size, self.trainer.global_rank, shuffle=False)
            return DataLoader(ordered, batch_size=args.per_device_batch, sampler=sampler, collate_fn=collate)

        def configure_optimizers(self):   # the Trainer's defaults: torch's fused AdamW, no weight decay, constant lr
            return torch.optim.AdamW(self.parameters(), lr=cfg.lr, weight_decay=0.0, fused=True)

        def on_train_start(self):   # after the processes have met: the clock leaves their start-up out
            self.start = time.perf_counter()

        def on_train_end(self):
            self.seconds = time.perf_counter() - self.start

    module = Classifier(model)
    trainer = L.Trainer(accelerator="gpu" if rt.cuda else "cpu", devices=args.devices,
                        strategy="ddp" if args.devices > 1 else "auto", accumulate_grad_batches=args.accumulation,
                        max_steps=steps, gradient_clip_val=1.0,   # the Trainer's max_grad_norm
                        precision="32-true", logger=False, enable_checkpointing=False, enable_progress_bar=False,
                        enable_model_summary=False)
    trainer.fit(module)

    rank, world = trainer.global_rank, trainer.world_size
    global_batch = args.per_device_batch * args.accumulation * world
    peak_mb = write_rank_record(out, rank, seen, steps * args.per_device_batch * args.accumulation,
                                sum(p.numel() for p in model.parameters()))
    trainer.strategy.barrier()   # every rank's record is written before rank 0 writes the run's and exits
    if rank == 0:
        losses = torch.stack(module.losses).view(-1, args.accumulation).mean(1).tolist()   # one per optimizer step
        launcher = "torchrun" if "TORCHELASTIC_RUN_ID" in os.environ else "lightning"
        (out / "run.json").write_text(json.dumps({
            "launcher": launcher, "trainer": "lightning", "processes": world, "nodes": trainer.num_nodes,
            "per_device_batch": args.per_device_batch, "accumulation": args.accumulation,
            "global_batch": global_batch, "steps": steps, "losses": losses,
            "final_loss": losses[-1], "examples_per_second": global_batch * trainer.global_step / module.seconds,
            "seconds": module.seconds, "seconds_per_step": module.seconds / trainer.global_step,
            "parameters": sum(p.numel() for p in model.parameters()),
            "steps_taken": list(range(1, trainer.global_step + 1)), "peak_memory_mb": peak_mb,
            "train_examples": len(train), "fsdp": False, "zero_stage": None, "activation_checkpointing": False,
            "precision": args.precision, "lightning": L.__version__,
            "peak_gpu_memory_mb": torch.cuda.max_memory_allocated() / 2**20 if rt.cuda else None}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
