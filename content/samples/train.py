"""A minimal training job: fits a tiny model with the standard library and writes what Azure ML keeps.

Files written to ./outputs are uploaded to the run record when the job ends; lines in ./logs are streamed
while it runs. amlenv brings both folders back to --outputs, the same way.
"""
import json
import os
import random
import time

random.seed(42)
# y = 3x + 2 with a little noise; fit slope and intercept by least squares
xs = [i / 10 for i in range(100)]
ys = [3 * x + 2 + random.gauss(0, 0.1) for x in xs]
n = len(xs)
mean_x, mean_y = sum(xs) / n, sum(ys) / n
slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)
intercept = mean_y - slope * mean_x
mse = sum((slope * x + intercept - y) ** 2 for x, y in zip(xs, ys)) / n

os.makedirs("outputs", exist_ok=True)
os.makedirs("logs", exist_ok=True)
with open(os.path.join("logs", "train.log"), "a") as log:
    log.write("{} trained on {} points: slope={:.3f} intercept={:.3f}\n".format(time.strftime("%H:%M:%S"), n, slope, intercept))
with open(os.path.join("outputs", "metrics.json"), "w") as out:
    json.dump({"mse": mse, "slope": slope, "intercept": intercept}, out, indent=2)
print("mse={:.5f} (metrics in outputs/metrics.json)".format(mse))
