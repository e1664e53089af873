import type { AnswerKey } from "../engine/questions.js";

// 답변 파일의 JSON Schema 설명(편집기에서 마우스를 올리면 보이는 글). 질문의 힌트는
// 키 조작(스페이스, 엔터)을 말하므로 파일에는 맞지 않아, 파일용 설명을 따로 둔다.
// 영어 설명은 questions.ts의 description이다.
export const koSchemaDescriptions: Readonly<Record<AnswerKey, string>> = {
  currentPlatform: "지금 운영 환경에서 쓰는 것: none(아직 없음), ecs, kubernetes(EKS, GKE, AKS, 자체 클러스터), openshift, vms(오케스트레이터 없는 서버나 EC2), paas, serverless(주로 Lambda), other-orchestrator.",
  currentPlatformFit: "지금 쓰는 플랫폼에 대한 만족도: content(만족), mixed(반반), leaving(떠나려 함). currentPlatform이 none이 아닐 때만 읽습니다.",
  platformUpkeep: "지금 Kubernetes를 운영하는 팀에서 클러스터 유지(업그레이드, 애드온, 인증서, 오퍼레이터)를 맡은 엔지니어: none-dedicated(여러 사람이 시간 일부를 씀), one, several. currentPlatform이 kubernetes나 openshift일 때만 읽으며, 모르면 키를 생략하세요.",
  kubernetesFeatures: "워크로드가 Kubernetes에만 있는 기능을 쓰는지: none, some(오퍼레이터나 커스텀 리소스, 서비스 메시, 커스텀 스케줄러, DaemonSet). 모르면 키를 생략하세요.",
  kubernetesExperience: "팀의 Kubernetes 경험: none, basic(튜토리얼 수준), proficient(운영 경험 있음), expert(업그레이드까지 운영).",
  cloudStrategy: "앞으로 몇 년간 워크로드를 실행할 곳: aws-only, aws-first(이식성 유지), multi-cloud, hybrid(온프레미스와 AWS).",
  engineers: "플랫폼에서 서비스를 만들고 운영할 엔지니어 수. 모르면 키를 생략하세요.",
  microservices: "운영할 서비스(배포 단위)의 수.",
  budget: "플랫폼 비용에 쓸 수 있는 예산의 여유: tight, moderate, flexible.",
  opsCapacity: "플랫폼과 서버를 운영할 인력: none, some(겸임 인력), dedicated(전담 팀). Fargate, AWS가 관리하는 인스턴스, 직접 운영하는 EC2 중 무엇으로 실행할지 정합니다.",
  internalPlatform: "플랫폼 팀이 앱 팀에 자체 배포 도구를 제공하는지: none, planned, in-place.",
  requirements: "특수 요구 사항(실행 방식을 제한): gpu, privileged, daemonsets, windows, arm, spot, isolation. 없으면 빈 목록.",
  workload: "워크로드 유형: services(계속 실행), batch(시작해서 끝나는 작업), event-driven(짧고 몰리는 작업), mixed, game-servers(세션 기반 전용 게임 서버).",
  scaling: "부하의 움직임: steady(일정함), daily-cycles(하루나 한 주를 따르는 피크), bursts(몇 분 안에 평소의 몇 배). 모르면 키를 생략하세요.",
  computeSpend: "컨테이너 컴퓨팅에 쓰는 월 비용(USD): unknown, under-5k, 5k-20k, over-20k.",
  ecosystem: "필요한 Kubernetes 생태계 도구: helm, service-mesh, prometheus, gitops, operators. 없으면 빈 목록.",
  timeToMarket: "첫 운영 배포까지의 일정: urgent, normal, relaxed.",
  growth: "앞으로 2년간 엔지니어링 팀의 성장(채용): stable, moderate, rapid. 트래픽 증가만으로는 선택이 바뀌지 않습니다.",
  serviceCommunication: "서비스 간 통신: simple(호출이 적음), complex(라우팅, 재시도, mTLS가 필요한 호출이 많음).",
  clusters: "운영할 클러스터 수(컨트롤 플레인 비용 계산용).",
  vcpus: "컨테이너가 평균적으로 쓰는 vCPU 합계(모든 서비스와 복제본). 비용 추정에만 쓰며, 생략하면 태스크당 0.5 vCPU로 가정합니다.",
  memoryGiB: "컨테이너가 평균적으로 쓰는 메모리 합계(GiB). 비용 추정에만 쓰며, 생략하면 vCPU당 2 GiB로 가정합니다.",
  tasks: "평균적으로 실행되는 태스크나 파드 수의 합계. 비용 추정에만 쓰며, 생략하면 서비스당 2개로 가정합니다.",
  region: "비용 추정에 쓸 가격의 AWS 리전.",
  engineerCost: "엔지니어 1인당 연간 총비용(USD). Kubernetes에 드는 엔지니어 시간을 금액으로 바꿉니다. 생략하면 비율로만 보여 줍니다.",
};
