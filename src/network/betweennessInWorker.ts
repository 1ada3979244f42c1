import { Worker } from 'node:worker_threads'

import type Graph from 'graphology'

import type { BetweennessScores } from './metrics'

/**
 * The worker's code, as a string: the server runs from bundles (esbuild for the express host,
 * Next's for the routes) that would not carry a separate worker file along. It loads the same
 * graphology packages from node_modules and computes what `betweennessScores` does.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { UndirectedGraph } = require('graphology')
const betweenness = require('graphology-metrics/centrality/betweenness')
const graph = new UndirectedGraph()
for (const id of workerData.nodes) graph.addNode(id)
for (let i = 0; i < workerData.edges.length; i += 2) graph.mergeEdge(workerData.edges[i], workerData.edges[i + 1])
parentPort.postMessage(betweenness(graph, { getEdgeWeight: null, normalized: true }))
`

/**
 * Betweenness of every node, computed on a worker thread: at 10,000 members and 150,000
 * connections it takes tens of seconds, during which the server must go on answering requests.
 */
export const betweennessInWorker = (graph: Graph): Promise<BetweennessScores> => {
  const edges: string[] = []
  graph.forEachEdge((_edge, _attributes, source, target) => edges.push(source, target))
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { nodes: graph.nodes(), edges },
    })
    worker.once('message', (scores: BetweennessScores) => {
      resolve(scores)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the betweenness worker stopped with exit code ${code}`))
    })
  })
}
