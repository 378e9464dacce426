"""Lab 10's script under real launchers, on loopback: 2 processes (torchrun) and 2 nodes of 1 process (two torchrun
launchers, node ranks 0 and 1) train to the same losses, step by step, as 1 process with accumulation 2 (the same
global batch of 16); the ranks' data are disjoint and equal in size; a rank that fails (an error, or killed by a
signal) stops the whole launch with a non-zero exit, no process left behind and the rendezvous port free again.
What each rank holds of the parameters is recorded: all of them under DDP and ZeRO-2, half under ZeRO-3 (lab 10).
The Lightning version of the script, under torchrun, trains to the same losses."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = str(ROOT / "scripts" / "train_classifier.py")
TORCHRUN = str(Path(sys.executable).parent / "torchrun")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(command, environment, timeout=300):
    """Run a launch in its own process group; past ``timeout`` the whole group is killed (a hung rank included),
    then the test fails."""
    import signal

    proc = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError(f"{command[0]} ran past {timeout} s; its process group was killed")
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


def env():
    return dict(os.environ, LABS_PROFILE="smoke", OMP_NUM_THREADS="1")


def torchrun(out, port, *extra, node_rank=None, nnodes=1, nproc=2):
    nodes = ["--nnodes", str(nnodes), "--node_rank", str(node_rank)] if node_rank is not None else []
    return [TORCHRUN, *nodes, "--nproc_per_node", str(nproc), "--master_addr", "127.0.0.1", "--master_port",
            str(port), SCRIPT, "--out", str(out), "--per-device-batch", "8", *extra]


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    out = tmp_path_factory.mktemp("one")
    done = run([sys.executable, SCRIPT, "--out", str(out), "--per-device-batch", "8", "--accumulation", "2"], env())
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads((out / "run.json").read_text())


def test_two_processes_match_one_process_with_accumulation(single, tmp_path):
    done = run(torchrun(tmp_path, free_port()), env())
    assert done.returncode == 0, done.stderr[-3000:]
    record = json.loads((tmp_path / "run.json").read_text())
    assert (record["processes"], record["global_batch"], single["global_batch"]) == (2, 16, 16)
    assert len(record["losses"]) == len(single["losses"]) == record["steps"]
    assert max(abs(a - b) for a, b in zip(record["losses"], single["losses"])) < 1e-4
    seen = [json.loads((tmp_path / f"rank{r}.json").read_text())["example_ids"] for r in (0, 1)]
    assert len(seen[0]) == len(seen[1]) == 8 * record["steps"] and not set(seen[0]) & set(seen[1])
    held = [json.loads((tmp_path / f"rank{r}.json").read_text())["local_parameters"] for r in (0, 1)]
    assert held == [record["parameters"]] * 2   # DDP: every rank a full copy (the lab's FSDP/ZeRO-3 hold half)
    # smoke's budget is one epoch: together the ranks saw every training example once
    assert 16 * record["steps"] == record["train_examples"]
    assert set(seen[0]) | set(seen[1]) == set(range(record["train_examples"]))


def test_two_nodes_on_loopback_match_one_process(single, tmp_path):
    port = free_port()
    launches = [subprocess.Popen(torchrun(tmp_path, port, node_rank=n, nnodes=2, nproc=1), env=env(),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
                for n in (0, 1)]
    try:
        codes = [launch.wait(timeout=300) for launch in launches]
    finally:   # a hung node: kill both launchers' process groups, then fail
        for launch in launches:
            if launch.poll() is None:
                os.killpg(launch.pid, 9)
    assert codes == [0, 0], [launch.stderr.read()[-2000:] for launch in launches]
    record = json.loads((tmp_path / "run.json").read_text())
    assert (record["processes"], record["nodes"]) == (2, 2)
    assert max(abs(a - b) for a, b in zip(record["losses"], single["losses"])) < 1e-4


def assert_nothing_left_behind(tmp_path, port):
    assert not (tmp_path / "run.json").exists()
    left = subprocess.run(["pgrep", "-f", f"--out {tmp_path}"], capture_output=True, text=True).stdout.split()
    assert not left, f"processes left behind: {left}"
    with socket.socket() as s:   # the rendezvous port is free again
        s.bind(("127.0.0.1", port))


def test_a_failing_rank_stops_the_launch_and_leaves_nothing_behind(tmp_path):
    port = free_port()
    done = run(torchrun(tmp_path, port, "--fail-rank", "1"), env())
    assert done.returncode != 0
    assert "rank 1 fails on purpose at step 2" in done.stderr and "ChildFailedError" in done.stderr
    assert_nothing_left_behind(tmp_path, port)


def test_a_killed_rank_stops_the_others_with_a_clear_error(tmp_path):
    """Rank 1 dies by SIGKILL mid-training (no exception, no clean-up, as under the OOM killer) while rank 0 waits
    for its gradients: torchrun sees the dead worker, stops rank 0 and exits non-zero naming the rank and signal."""
    port = free_port()
    done = run(torchrun(tmp_path, port, "--fail-rank", "1", "--fail-with", "kill"), env(), timeout=120)
    assert done.returncode != 0
    assert "ChildFailedError" in done.stderr, done.stderr[-3000:]
    others, _, cause = done.stderr.rpartition("Root Cause")
    assert "rank      : 1" in cause and "Signal 9 (SIGKILL)" in cause, done.stderr[-3000:]   # who died, and how
    assert "rank      : 0" in others and "(SIGTERM)" in others, done.stderr[-3000:]   # the launcher stopped rank 0
    assert_nothing_left_behind(tmp_path, port)


def test_accelerate_launch_runs_the_same_two_processes(single, tmp_path):
    """`accelerate launch --multi_gpu` starts its processes with torchrun's machinery and trains on CPUs with gloo
    here; `--cpu --num_processes 2` would need MPI (oneCCL) for more than one process and runs one instead."""
    accelerate = str(Path(sys.executable).parent / "accelerate")
    done = run([accelerate, "launch", "--multi_gpu", "--num_processes", "2", "--num_machines", "1",
                "--mixed_precision", "no", "--dynamo_backend", "no", "--main_process_ip", "127.0.0.1",
                "--main_process_port", str(free_port()), SCRIPT, "--out", str(tmp_path), "--per-device-batch", "8"],
               dict(env(), LABS_LAUNCHER="accelerate"))
    assert done.returncode == 0, done.stderr[-3000:]
    record = json.loads((tmp_path / "run.json").read_text())
    assert (record["launcher"], record["processes"], record["global_batch"]) == ("accelerate", 2, 16)
    assert max(abs(a - b) for a, b in zip(record["losses"], single["losses"])) < 1e-4


def test_fsdp_is_refused_on_cpu_processes(tmp_path):
    """accelerate 1.15 turns FSDP on only for GPU-type process groups; on CPU processes it drops the plugin and the
    Trainer trains with DDP, to the same losses with nothing sharded. The script says so instead of pretending."""
    done = run([sys.executable, SCRIPT, "--out", str(tmp_path), "--fsdp"], dict(env(), CUDA_VISIBLE_DEVICES=""), 120)
    assert done.returncode == 2 and "--fsdp needs CUDA GPUs" in done.stderr, done.stderr[-2000:]


def test_average_tokens_across_devices_doubles_a_classifier_gradient_on_two_processes(tmp_path, monkeypatch):
    """Why the script sets average_tokens_across_devices=False: left on, transformers 5.23's compute_loss multiplies
    the loss by the number of processes (meant for losses summed over tokens and divided by all ranks' tokens), and
    training_step calls backward() on that loss: a per-batch mean's gradient comes out x2 on 2 processes."""
    import torch
    from accelerate import Accelerator
    from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

    from labs_lib import models
    from labs_lib.sources import TINY_BERT

    model = AutoModelForSequenceClassification.from_pretrained(   # dropout off: training_step calls model.train()
        models.model_path(TINY_BERT), num_labels=2, hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
    inputs = {"input_ids": torch.tensor([[2, 5, 7, 3], [2, 9, 3, 0]]), "labels": torch.tensor([1, 0])}
    model(**inputs).loss.backward()
    plain = model.classifier.weight.grad.clone()
    monkeypatch.setattr(Accelerator, "num_processes", property(lambda self: 2))   # as on 2 processes
    for average, factor in ((True, 2), (False, 1)):
        model.zero_grad()
        trainer = Trainer(model=model, args=TrainingArguments(
            output_dir=str(tmp_path), use_cpu=True, report_to="none", average_tokens_across_devices=average))
        trainer.loss_is_scaled_for_ga = False   # as in the script
        trainer.current_gradient_accumulation_steps = 1   # set by train(); one micro-batch per step here
        trainer.training_step(model, dict(inputs), num_items_in_batch=torch.tensor(2))
        torch.testing.assert_close(model.classifier.weight.grad, factor * plain)


def test_deepspeed_zero2_on_cpu_trains_to_the_same_losses(single, tmp_path):
    """DeepSpeed runs here on CPUs (its CPU backend builds a shared-memory exchange with the C++ compiler once);
    ZeRO-2 shards optimizer states and gradients, and the losses stay those of one process (lab 10 runs ZeRO-3)."""
    config = tmp_path / "ds_zero2.json"
    config.write_text(json.dumps({"zero_optimization": {"stage": 2}, "train_micro_batch_size_per_gpu": "auto",
                                  "gradient_accumulation_steps": "auto", "train_batch_size": "auto"}))
    done = run(torchrun(tmp_path / "run", free_port(), "--deepspeed", str(config)), env())
    assert done.returncode == 0, done.stderr[-3000:]
    record = json.loads((tmp_path / "run" / "run.json").read_text())
    assert (record["zero_stage"], record["processes"], record["global_batch"]) == (2, 2, 16)
    held = [json.loads((tmp_path / "run" / f"rank{r}.json").read_text())["local_parameters"] for r in (0, 1)]
    assert held == [record["parameters"]] * 2   # stage 2 shards gradients and optimizer states, not the weights
    assert max(abs(a - b) for a, b in zip(record["losses"], single["losses"])) < 1e-4


def test_a_zero3_checkpoint_resumes_to_the_uninterrupted_losses(single, tmp_path):
    """ZeRO-3 on 2 CPU processes saves at step 5 (each rank writes its own shard of the optimizer states) and stops
    there, as if interrupted; a second launch resumes from that checkpoint, and steps 6-10 train to the losses of the
    uninterrupted run (the same data order, optimizer moments and step count)."""
    config = tmp_path / "ds_zero3.json"
    config.write_text(json.dumps({"zero_optimization": {"stage": 3}, "train_micro_batch_size_per_gpu": "auto",
                                  "gradient_accumulation_steps": "auto", "train_batch_size": "auto"}))
    out = tmp_path / "run"
    first = run(torchrun(out, free_port(), "--deepspeed", str(config), "--save-steps", "5", "--stop-after", "5"), env())
    assert first.returncode == 0, first.stderr[-3000:]
    assert len(json.loads((out / "run.json").read_text())["losses"]) == 5
    assert len(list((out / "trainer" / "checkpoint-5").rglob("*rank*optim_states.pt"))) == 2   # one shard per rank
    second = run(torchrun(out, free_port(), "--deepspeed", str(config), "--resume"), env())
    assert second.returncode == 0, second.stderr[-3000:]
    record = json.loads((out / "run.json").read_text())
    assert record["steps_taken"] == [6, 7, 8, 9, 10]   # resumed, not restarted
    losses = record["losses"]   # steps 1-5 from the checkpoint's trainer state, 6-10 from this launch
    assert len(losses) == len(single["losses"]) == 10
    assert max(abs(a - b) for a, b in zip(losses, single["losses"])) < 1e-4


def test_lightning_under_torchrun_trains_like_the_trainer_with_accumulation(single, tmp_path):
    """scripts/train_classifier_lightning.py started by torchrun (lab 10 lets Lightning start its own processes):
    Lightning joins torchrun's 2 processes and trains to the losses of the Trainer's 1 process with accumulation 2."""
    done = run([TORCHRUN, "--nproc_per_node", "2", "--master_addr", "127.0.0.1", "--master_port", str(free_port()),
                str(ROOT / "scripts" / "train_classifier_lightning.py"), "--out", str(tmp_path), "--devices", "2"],
               dict(env(), CUDA_VISIBLE_DEVICES=""))
    assert done.returncode == 0, done.stderr[-3000:]
    record = json.loads((tmp_path / "run.json").read_text())
    assert (record["launcher"], record["processes"], record["global_batch"]) == ("torchrun", 2, 16)
    assert max(abs(a - b) for a, b in zip(record["losses"], single["losses"])) < 1e-4
