"""salign nn --model cnn: the architecture is a parameter of the one code path (issue 19, item 6).

The CNN's outputs against a loop-by-loop numpy convolution, its gradient and Hessian-vector
products against finite differences (float64), the MLP unchanged (values pinned before the
CNN existed), training through the shared blocks, a checkpoint round trip, the CLI's errors.
Tiny sizes throughout; every check keeps a wrong variant beside it that it must reject.
"""

import json

import numpy as np
import pytest

from salign.verify.experiments import nn
from salign.verify.experiments import nn_checkpoint as C
from salign.verify.experiments import nn_hessian as Hs
from salign.verify.experiments import nn_train as Tr
from salign.verify.experiments.nn_data import NNError, load
from salign.verify.experiments.nn_model import CNN, Objective, architecture, describe, init, n_params

from .conftest import cli_error

#: a CNN small enough for a dense Hessian: 6x6 images -> 3x3x2 -> 2x2x3 -> 3 outputs (116 parameters)
SMALL = CNN(side=6, channels=(2, 3), outputs=3)


def _data(side: int, n: int = 7, c: int = 3, seed: int = 0):
    """``n`` random ``side x side`` images (rows of ``X``) and random targets."""
    rng = np.random.default_rng(seed)
    return rng.random((n, side * side)), rng.standard_normal((n, c))


def _odd_padding(cnn: CNN) -> bool:
    """Whether some convolution pads an odd number of pixels (then the odd one's side matters)."""
    return any(((-(-s // cnn.stride)) - 1) * cnn.stride + cnn.kernel - s > 0 and
               (((-(-s // cnn.stride)) - 1) * cnn.stride + cnn.kernel - s) % 2 for s in cnn.sides()[:-1])


def _reference(w, X, cnn: CNN, transpose: bool = False, pad_first: bool = False):
    """The CNN by explicit loops: zero padding as TF/XLA "SAME" (the odd pixel at the bottom/right).

    ``transpose`` reads each image column by column, ``pad_first`` puts the odd padding pixel at
    the top/left: two wrong variants the model must not match.
    """
    blocks, off = [], 0
    for shape in cnn.shapes():
        blocks.append(w[off:off + int(np.prod(shape))].reshape(shape))
        off += int(np.prod(shape))
    h = X.reshape(len(X), cnn.side, cnn.side, 1)
    if transpose:
        h = h.transpose(0, 2, 1, 3)
    k, s = cnn.kernel, cnn.stride
    for K, b in zip(blocks[0:-2:2], blocks[1:-2:2]):
        side = h.shape[1]
        out = -(-side // s)
        total = max((out - 1) * s + k - side, 0)
        lo = total - total // 2 if pad_first else total // 2
        hp = np.pad(h, ((0, 0), (lo, total - lo), (lo, total - lo), (0, 0)))
        z = np.zeros((len(X), out, out, K.shape[3]))
        for i in range(out):
            for j in range(out):
                patch = hp[:, i * s:i * s + k, j * s:j * s + k, :]  # (n, k, k, c_in)
                z[:, i, j, :] = np.einsum("nabc,abco->no", patch, K) + b
        h = np.tanh(z)
    return h.reshape(len(X), -1) @ blocks[-2] + blocks[-1]


# --- the MLP is unchanged -----------------------------------------------------------------------------------------

#: (sizes, seed) -> (n_params, sum w, sum w^2, w[0], loss, |grad|^2) on the first 100 MNIST-5k images, computed by
#: the code before the architecture became a parameter
MLP_PINNED = {
    ((784, 4, 10), 1): (3190, -2.5140722541514693, 13.743884668864055, 0.03900784239565331, 1.097557230791787,
                        88.23396072989028),
    ((784, 50, 10), 0): (39760, 5.677653606241627, 61.01513689939465, 0.06714392474617667, 0.7760824258582742,
                         9.750450925195391),
    ((784, 6, 5, 10), 3): (4805, -4.721280886018534, 16.34805361720119, -0.03401481581251632, 0.6641833516932435,
                           10.122530456958032),
}


@pytest.mark.parametrize("key", list(MLP_PINNED))
def test_the_mlp_has_the_same_init_and_loss_as_before(key):
    sizes, seed = key
    d, s1, s2, w0, L, G = MLP_PINNED[key]
    X, Y = load("mnist5k", 100)
    obj = Objective(X, Y, sizes)
    w = init(sizes, seed)
    g = obj.grad(w)
    assert n_params(sizes) == obj.d == d and obj.sizes == sizes
    assert float(w.sum()) == pytest.approx(s1, rel=1e-13) and float(w @ w) == pytest.approx(s2, rel=1e-13)
    assert w[0] == pytest.approx(w0, rel=1e-15)
    assert obj.loss(w) == pytest.approx(L, rel=1e-12) and float(g @ g) == pytest.approx(G, rel=1e-10)
    assert float(init(sizes, seed + 1).sum()) != pytest.approx(s1, rel=1e-6)  # another seed: other weights
    assert architecture("mlp", 784, 10, 50, 1) == nn.NNConfig().sizes == (784, 50, 10) and nn.NNConfig().model == "mlp"


# --- the CNN: outputs, gradient, Hessian-vector products ----------------------------------------------------------

@pytest.mark.parametrize("cnn", [SMALL, CNN(side=7, channels=(3,), outputs=2, kernel=5, stride=1),
                                 CNN(side=7, channels=(2, 2), outputs=4)])
def test_the_cnn_is_the_convolution_written_out_by_loops(cnn):
    X, _ = _data(cnn.side)
    w = init(cnn, 0)
    w = w + 0.1 * np.random.default_rng(1).standard_normal(w.shape)  # non-zero biases too
    from salign.verify.experiments.nn_model import apply

    f = np.asarray(apply(w, X, cnn))
    assert f.shape == (len(X), cnn.outputs) and w.shape == (n_params(cnn),)
    np.testing.assert_allclose(f, _reference(w, X, cnn), rtol=1e-12, atol=1e-13)
    assert np.max(np.abs(f - _reference(w, X, cnn, transpose=True))) > 1e-3  # images read column by column
    if _odd_padding(cnn):
        assert np.max(np.abs(f - _reference(w, X, cnn, pad_first=True))) > 1e-3  # the odd pixel on the other side


def test_the_default_cnn_and_its_initialisation():
    cnn = nn.NNConfig(model="cnn").sizes
    assert cnn == CNN(28, (4, 8), 10) and hash(cnn) == hash(CNN(28, (4, 8), 10))  # static under jit
    assert cnn.sides() == [28, 14, 7] and n_params(cnn) == (9 * 4 + 4) + (9 * 4 * 8 + 8) + (7 * 7 * 8 * 10 + 10) == 4266
    w = init(cnn, 0)
    np.testing.assert_array_equal(w, init(cnn, 0))
    assert np.max(np.abs(w - init(cnn, 1))) > 0.1
    off = 0
    for shape in cnn.shapes():
        block = w[off:off + int(np.prod(shape))]
        off += block.size
        if len(shape) == 1:
            assert not block.any()  # biases start at zero
        else:  # N(0, 1/fan_in): the variance within a factor 2 for these sizes
            assert 0.5 < block.var() * np.prod(shape[:-1]) < 2, shape
    d = describe(cnn)
    assert d["model"] == "cnn" and d["parameters"] == 4266 and "conv3x3/2 14x14x4" in d["label"]
    assert describe((784, 50, 10))["label"] == "MLP 784-50-10"


def _fd_gradient_error(loss, grad, w, rng, h=1e-5, m=6):
    """Largest relative error of ``grad(w) . v`` against the central difference of ``loss`` along ``m`` directions."""
    g = grad(w)
    errs = []
    for _ in range(m):
        v = rng.standard_normal(w.shape)
        fd = (loss(w + h * v) - loss(w - h * v)) / (2 * h)
        errs.append(abs(fd - g @ v) / max(abs(fd), 1e-300))
    return max(errs)


def _fd_hvp_error(grad, hvp, w, rng, h=1e-5, m=4):
    """Largest relative error of ``hvp(w, v)`` against the central difference of ``grad`` along ``m`` directions."""
    errs = []
    for _ in range(m):
        v = rng.standard_normal(w.shape)
        fd = (grad(w + h * v) - grad(w - h * v)) / (2 * h)
        errs.append(np.linalg.norm(fd - hvp(w, v)) / np.linalg.norm(fd))
    return max(errs)


def test_the_cnn_gradient_and_hessian_vector_products_match_finite_differences():
    X, Y = _data(SMALL.side)
    obj = Objective(X, Y, SMALL)
    wrong = Objective(X.reshape(-1, 6, 6).transpose(0, 2, 1).reshape(len(X), -1), Y, SMALL)  # images transposed
    w = init(SMALL, 2) + 0.05 * np.random.default_rng(3).standard_normal(obj.d)
    rng = np.random.default_rng(4)
    assert _fd_gradient_error(obj.loss, obj.grad, w, rng) < 1e-7
    assert _fd_gradient_error(obj.loss, wrong.grad, w, rng) > 1e-3  # the gradient of another network is rejected
    assert _fd_hvp_error(obj.grad, obj.hvp, w, rng) < 1e-6
    assert _fd_hvp_error(obj.grad, wrong.hvp, w, rng) > 1e-3
    H = obj.dense_hessian(w)
    V = rng.standard_normal((obj.d, 3))
    assert np.allclose(H, H.T, atol=1e-13)
    np.testing.assert_allclose(obj.hvp_many(w, V), H @ V, rtol=0, atol=1e-12 * np.abs(H @ V).max())
    # the minibatch gradients are the gradients of the loss on those rows
    idx = np.array([[0, 3], [5, 6]])
    for row, gb in zip(idx, obj.batch_grads(w, idx)):
        np.testing.assert_allclose(gb, Objective(X[row], Y[row], SMALL).grad(w), rtol=1e-12, atol=1e-15)
    # Lanczos on the CNN's HVPs finds the dense Hessian's top eigenvalues
    sub = Hs.top_k(lambda v: obj.hvp(w, v), obj.d, 3, v0=np.ones(obj.d), tol=1e-13)
    np.testing.assert_allclose(sub.lam, np.linalg.eigvalsh(H)[::-1][:3], rtol=1e-9)


def test_training_runs_the_cnn_through_the_shared_blocks():
    X, Y = _data(SMALL.side, n=20)
    obj = Objective(X, Y, SMALL)
    w = init(SMALL, 0)
    V = np.linalg.qr(np.random.default_rng(0).standard_normal((obj.d, 2)))[0]
    idx = Tr.batches(np.random.default_rng(1), obj.n, 4, 3)
    for variant in ("sgd", "dom", "bulk", "gd"):
        w3, _, recs, _ = Tr.block(obj, w, V, idx, 0.1, variant)
        u = w.copy()  # the same three steps by hand
        for i in idx:
            g = obj.grad(u) if variant == "gd" else Objective(X[i], Y[i], SMALL).grad(u)
            u = u - 0.1 * {"sgd": g, "gd": g, "dom": V @ (V.T @ g), "bulk": g - V @ (V.T @ g)}[variant]
        np.testing.assert_allclose(w3, u, rtol=1e-12, atol=1e-15, err_msg=variant)
        assert recs["loss"][0] == pytest.approx(obj.loss(w), rel=1e-12)
    w_sgd = Tr.block(obj, w, V, idx, 0.1, "sgd")[0]
    assert np.max(np.abs(w_sgd - Tr.block(obj, w, V, idx, 0.1, "dom")[0])) > 1e-6  # the variants differ


# --- a whole run and its checkpoints ---------------------------------------------------------------------------------

TINY_CNN = dict(model="cnn", samples=100, batch=10, steps=20, after=10, refresh=10, draws=4, eta=0.05, k=3, switch=0.99)


@pytest.fixture(scope="module")
def cnn_run(tmp_path_factory):
    """A tiny CNN run written with its checkpoints."""
    out = tmp_path_factory.mktemp("cnn")
    summary, arrays = nn.run(nn.NNConfig(**TINY_CNN))
    return out, nn.write(out, summary, arrays, figures=False), arrays


def test_a_cnn_run_records_its_architecture_and_its_checkpoints_round_trip(cnn_run, tmp_path):
    out, summary, arrays = cnn_run
    assert summary["architecture"] == describe(CNN(28, (4, 8), 10)) and summary["parameters"] == 4266
    assert summary["config"]["model"] == "cnn" and summary["sizes"] is None
    assert json.loads((out / "summary.json").read_text())["architecture"]["model"] == "cnn"
    assert summary["predictions"] and set(summary["continuations"]) == {"sgd", "dom", "bulk", "gd"}
    first, nxt = [c for c in arrays.checkpoints if c.trajectory == "phase1"][:2]
    ck, config, obj = C.load(out / "checkpoints" / first.name)
    assert config == nn.NNConfig(**TINY_CNN) and obj.sizes == CNN(28, (4, 8), 10)
    for x, y in ((ck.w, first.w), (ck.sub.V, first.sub.V), (ck.sub.lam, first.sub.lam)):
        np.testing.assert_array_equal(x, y)
    np.testing.assert_allclose(ck.sub.HV, first.sub.HV, rtol=1e-12, atol=1e-14)
    man, a = C.read(out / "checkpoints" / first.name)
    assert man["architecture"] == describe(obj.sizes)
    # the next saved state, from the checkpoint's minibatches through the shared training block
    w1 = Tr.block(obj, ck.w, ck.sub.V, C.next_batches(config, ck, nxt.offset - ck.offset), config.eta, "sgd")[0]
    np.testing.assert_array_equal(w1, nxt.w)
    assert np.max(np.abs(w1 - ck.w)) > 1e-6

    def forged(name, manifest):
        path = tmp_path / name
        with open(path, "wb") as f:
            np.savez(f, manifest=np.array(json.dumps(manifest)), **a)
        return path

    other = {**man["architecture"], "channels": [4, 9]}
    for path, why in ((forged("other.npz", {**man, "architecture": other}), "is not its configuration's"),
                      (forged("none.npz", {k: v for k, v in man.items() if k != "architecture"}),
                       "no architecture record"),
                      (forged("mlp.npz", {**man, "config": {**man["config"], "model": "mlp"}}), "is not its")):
        with pytest.raises(C.CheckpointError, match=why):
            C.load(path)


def test_an_mlp_checkpoint_from_before_the_cnn_still_loads(tmp_path):
    """A manifest without ``architecture`` and a configuration without ``model``: an MLP's, as written before."""
    config = nn.NNConfig(samples=100, width=3, batch=10, k=2)
    X, Y = load("mnist5k", 100)
    obj = Objective(X, Y, config.sizes)
    w = init(config.sizes, 0)
    sub = Hs.top_k(lambda v: obj.hvp(w, v), obj.d, 2, v0=np.ones(obj.d))
    ck = C.Checkpoint({k: v for k, v in C.config_dict(config).items() if k != "model"}, "old", "phase1", 0, 0, False,
                      w, sub, 0.0, False, C.rng_state(nn._Streams(0)))
    man = {k: v for k, v in ck.manifest().items() if k != "architecture"}
    assert "model" not in man["config"]
    path = tmp_path / "old.npz"
    with open(path, "wb") as f:
        np.savez(f, manifest=np.array(json.dumps(man)), w=w, V=sub.V, lam=sub.lam)
    ck2, config2, obj2 = C.load(path)
    assert config2 == config and obj2.sizes == (784, 3, 10)
    np.testing.assert_array_equal(ck2.w, w)


# --- the command line -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("argv, fix", [
    (["--model", "cnn", "--width", "20"], "drop --width or pass --model mlp"),
    (["--model", "cnn", "--depth", "2"], "drop --depth"),
    (["--model", "cnn", "--width", "20", "--depth", "2"], "drop --width and --depth"),
    (["--model", "cnn", "--grid", "width=5,10"], "--grid width=5,10"),
    (["--model", "rnn"], "--model mlp or cnn"),
    (["--model", "cnn", "--k", "5000"], "4266 for the CNN 28x28x1"),
    (["--model", "cnn", "--from", "x.npz"], "drop --model"),
])
def test_impossible_model_options_are_one_line_errors(argv, fix, tmp_path, capsys):
    rc, err = cli_error(["nn", *argv, "--out", str(tmp_path / "x")], capsys)
    assert rc == 2 and len(err) == 1 and err[0].startswith("salign: error: ") and fix in err[0], err
    assert not (tmp_path / "x").exists()


def test_the_python_api_refuses_an_unknown_model_and_the_mlp_options_still_work():
    with pytest.raises(NNError, match="--model mlp or cnn"):
        nn.NNConfig(model="transformer")
    from salign.verify.experiments.nn_cli import config_from_args

    class Args:
        preset, grid, model, width, depth = "tiny", None, "mlp", 7, 2

    assert config_from_args(Args()).sizes == (784, 7, 7, 10)
    Args.model, Args.width, Args.depth = "cnn", None, None
    assert config_from_args(Args()).sizes == CNN(28, (4, 8), 10)
